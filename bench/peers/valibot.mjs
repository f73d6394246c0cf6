// CegosProductsPage and CegosSessionsPage (src/cegos/models.rs) for valibot 1.
// Same schema in every peer (bench/peers/*.mjs): a Rust `String` is a string,
// `i64` an integer, `f64` a number, `Nullable<T>` optional and nullable, an open
// enum or a `WireDate` a string; every object is loose (`Extra` keeps unknown fields).
import * as v from "valibot";

const str = v.string();
const int = v.pipe(v.number(), v.integer());
const num = v.number();
const bool = v.boolean();
const obj = v.looseObject;
const opt = v.nullish;

const element = obj({ id: int, label: str });
const title = obj({ type: str, text: str, lengthMaximum: int });
const module_ = obj({
  id: int, code: str, order: int, optional: bool, isProduct: bool, label: str,
  delayInDay: num, delayInHour: num, delayInMinute: num, deliveryMode: str,
});
const formula = obj({ id: int, label: str, modules: v.array(module_) });
const topicRelation = obj({ catalogTopicId: int, order: int, relationType: str });
const relatedProduct = obj({ relatedProductCode: str, type: str, order: int });
const section = obj({ title: str, text: str });
const programContent = obj({
  before: section, duringTitle: str, parts: v.array(str), after: section, upstream: str,
  downstream: opt(str),
});
const notice = obj({
  introductionTitle: opt(str), introduction: str, forWho: str, applicationProcedure: opt(str),
  prerequisite: str, visioTrainingProcedure: str, objective: str, evaluation: str, programContent,
  participantBenefits: str, program: str, highlights: str, morePrecisely: str, firstMinute: str,
  cpfText: str, rncpText: str, expectedResults: str, theMostPartnerText: str, financingAssistance: str,
  certificationTitleOptionalOrIncluded: str, bonus: str, video: str, financing: str, cpfPopup: str,
  imageProgramDesktop: str, imageProgramMobile: str, imageSocialNetworks: str, pedagogy: str,
});
const commercialDuration = obj({ days: str, hours: str, minutes: str, forcedValues: bool, remoteActivityIncluded: bool });
const product = obj({
  productCode: str, yearlyProductCode: str, offerYear: int, title: str, evolutionType: str, cpf: bool,
  rsCode: opt(str), rncpCode: opt(str), cpfCode: opt(str),
  trainingMethod: str, familyOfferId: int, moduleDuration: opt(str),
  languages: v.array(str), cities: v.array(str), availableCpfCities: v.array(str),
  level: element, professionalChallengesId: int, bestSeller: bool, picto4Real: bool,
  titles: opt(v.array(title)), formula: opt(v.array(formula)),
  catalogTopicRelations: opt(v.array(topicRelation)), partners: v.array(str),
  relatedProducts: opt(v.array(relatedProduct)), range: element, price: num, iPackPrice: num,
  notice: opt(notice), noticeUrl: opt(str), noticeUrlPdf: opt(str),
  certificationInclude: bool, internationalProduct: bool,
  certification: opt(str), certifier: opt(str), jobSheetTitle: opt(str), jobSheetUrl: opt(str),
  modalityTitle: opt(str), marketingTitle: opt(str),
  deliveryMode: str, commercialDuration,
});
const page = (item) => obj({ data: v.array(item), pageNumber: int, pageSize: int, totalItems: int, totalPages: int });

const sessionPart = obj({
  number: int, isRemote: bool, startDate: opt(str), endDate: opt(str),
  startTimeHour: opt(int), startTimeMinute: opt(int), endTimeHour: opt(int), endTimeMinute: opt(int),
  durationInDay: num, centerId: opt(str),
});
const session = obj({
  yearlySessionCode: str, sessionNumber: int, yearlyProductCode: str, productCode: str, price: num,
  componentCount: opt(int), interDiscountPrice: opt(num), startDate: str, endDate: str,
  durationInDays: num, guaranteedSession: bool, isRemote: bool, city: opt(str),
  isFull: bool, isLastPlaceAvailable: bool, isHighProbability: bool,
  registrationCount: opt(int), limitMin: opt(int), limitMax: opt(int),
  status: str, topCpf: opt(bool), parts: opt(v.array(sessionPart)),
});

export const productsPage = page(product);
export const sessionsPage = page(session);
/** Throws on the first mismatch, like the other peers; returns the parsed value. */
export const parseProductsPage = (value) => v.parse(productsPage, value, { abortEarly: true });
export const parseSessionsPage = (value) => v.parse(sessionsPage, value, { abortEarly: true });
