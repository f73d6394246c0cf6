// CegosProductsPage and CegosSessionsPage (src/cegos/models.rs) for zod 4.
// Same schema in every peer (bench/peers/*.mjs): a Rust `String` is a string,
// `i64` an integer, `f64` a number, `Nullable<T>` optional and nullable, an open
// enum or a `WireDate` a string; every object is loose (`Extra` keeps unknown fields).
import { z } from "zod";

const str = z.string();
const int = z.int();
const num = z.number();
const bool = z.boolean();
const obj = z.looseObject;

const element = obj({ id: int, label: str });
const title = obj({ type: str, text: str, lengthMaximum: int });
const module_ = obj({
  id: int, code: str, order: int, optional: bool, isProduct: bool, label: str,
  delayInDay: num, delayInHour: num, delayInMinute: num, deliveryMode: str,
});
const formula = obj({ id: int, label: str, modules: z.array(module_) });
const topicRelation = obj({ catalogTopicId: int, order: int, relationType: str });
const relatedProduct = obj({ relatedProductCode: str, type: str, order: int });
const section = obj({ title: str, text: str });
const programContent = obj({
  before: section, duringTitle: str, parts: z.array(str), after: section, upstream: str,
  downstream: str.nullish(),
});
const notice = obj({
  introductionTitle: str.nullish(), introduction: str, forWho: str, applicationProcedure: str.nullish(),
  prerequisite: str, visioTrainingProcedure: str, objective: str, evaluation: str, programContent,
  participantBenefits: str, program: str, highlights: str, morePrecisely: str, firstMinute: str,
  cpfText: str, rncpText: str, expectedResults: str, theMostPartnerText: str, financingAssistance: str,
  certificationTitleOptionalOrIncluded: str, bonus: str, video: str, financing: str, cpfPopup: str,
  imageProgramDesktop: str, imageProgramMobile: str, imageSocialNetworks: str, pedagogy: str,
});
const commercialDuration = obj({ days: str, hours: str, minutes: str, forcedValues: bool, remoteActivityIncluded: bool });
const product = obj({
  productCode: str, yearlyProductCode: str, offerYear: int, title: str, evolutionType: str, cpf: bool,
  rsCode: str.nullish(), rncpCode: str.nullish(), cpfCode: str.nullish(),
  trainingMethod: str, familyOfferId: int, moduleDuration: str.nullish(),
  languages: z.array(str), cities: z.array(str), availableCpfCities: z.array(str),
  level: element, professionalChallengesId: int, bestSeller: bool, picto4Real: bool,
  titles: z.array(title).nullish(), formula: z.array(formula).nullish(),
  catalogTopicRelations: z.array(topicRelation).nullish(), partners: z.array(str),
  relatedProducts: z.array(relatedProduct).nullish(), range: element, price: num, iPackPrice: num,
  notice: notice.nullish(), noticeUrl: str.nullish(), noticeUrlPdf: str.nullish(),
  certificationInclude: bool, internationalProduct: bool,
  certification: str.nullish(), certifier: str.nullish(), jobSheetTitle: str.nullish(), jobSheetUrl: str.nullish(),
  modalityTitle: str.nullish(), marketingTitle: str.nullish(),
  deliveryMode: str, commercialDuration,
});
const page = (item) => obj({ data: z.array(item), pageNumber: int, pageSize: int, totalItems: int, totalPages: int });

const sessionPart = obj({
  number: int, isRemote: bool, startDate: str.nullish(), endDate: str.nullish(),
  startTimeHour: int.nullish(), startTimeMinute: int.nullish(), endTimeHour: int.nullish(), endTimeMinute: int.nullish(),
  durationInDay: num, centerId: str.nullish(),
});
const session = obj({
  yearlySessionCode: str, sessionNumber: int, yearlyProductCode: str, productCode: str, price: num,
  componentCount: int.nullish(), interDiscountPrice: num.nullish(), startDate: str, endDate: str,
  durationInDays: num, guaranteedSession: bool, isRemote: bool, city: str.nullish(),
  isFull: bool, isLastPlaceAvailable: bool, isHighProbability: bool,
  registrationCount: int.nullish(), limitMin: int.nullish(), limitMax: int.nullish(),
  status: str, topCpf: bool.nullish(), parts: z.array(sessionPart).nullish(),
});

export const productsPage = page(product);
export const sessionsPage = page(session);
/** Throws on the first mismatch, like the other peers; returns the parsed value. */
export const parseProductsPage = (value) => productsPage.parse(value);
export const parseSessionsPage = (value) => sessionsPage.parse(value);
