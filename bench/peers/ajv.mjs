// CegosProductsPage and CegosSessionsPage (src/cegos/models.rs) for ajv 8:
// JSON Schema, compiled once. Same schema in every peer (bench/peers/*.mjs):
// a Rust `String` is a string, `i64` an integer, `f64` a number, `Nullable<T>`
// optional and nullable, an open enum or a `WireDate` a string; unknown fields
// are allowed (no `additionalProperties: false`: `Extra` keeps them).
import Ajv from "ajv";

const str = { type: "string" };
const int = { type: "integer" };
const num = { type: "number" };
const bool = { type: "boolean" };
const arr = (items) => ({ type: "array", items });
/** `Nullable<T>`: `null` or T (and, not being required, absent). */
const opt = (s) => ({ ...s, type: [s.type, "null"] });
/** An object: the fields of `required` must be there, those of `optional` may be. */
const obj = (required, optional = {}) => ({
  type: "object",
  properties: { ...required, ...Object.fromEntries(Object.entries(optional).map(([k, s]) => [k, opt(s)])) },
  required: Object.keys(required),
});

const element = obj({ id: int, label: str });
const title = obj({ type: str, text: str, lengthMaximum: int });
const module_ = obj({
  id: int, code: str, order: int, optional: bool, isProduct: bool, label: str,
  delayInDay: num, delayInHour: num, delayInMinute: num, deliveryMode: str,
});
const formula = obj({ id: int, label: str, modules: arr(module_) });
const topicRelation = obj({ catalogTopicId: int, order: int, relationType: str });
const relatedProduct = obj({ relatedProductCode: str, type: str, order: int });
const section = obj({ title: str, text: str });
const programContent = obj({ before: section, duringTitle: str, parts: arr(str), after: section, upstream: str }, { downstream: str });
const notice = obj({
  introduction: str, forWho: str,
  prerequisite: str, visioTrainingProcedure: str, objective: str, evaluation: str, programContent,
  participantBenefits: str, program: str, highlights: str, morePrecisely: str, firstMinute: str,
  cpfText: str, rncpText: str, expectedResults: str, theMostPartnerText: str, financingAssistance: str,
  certificationTitleOptionalOrIncluded: str, bonus: str, video: str, financing: str, cpfPopup: str,
  imageProgramDesktop: str, imageProgramMobile: str, imageSocialNetworks: str, pedagogy: str,
}, { introductionTitle: str, applicationProcedure: str });
const commercialDuration = obj({ days: str, hours: str, minutes: str, forcedValues: bool, remoteActivityIncluded: bool });
const product = obj({
  productCode: str, yearlyProductCode: str, offerYear: int, title: str, evolutionType: str, cpf: bool,
  trainingMethod: str, familyOfferId: int,
  languages: arr(str), cities: arr(str), availableCpfCities: arr(str),
  level: element, professionalChallengesId: int, bestSeller: bool, picto4Real: bool,
  partners: arr(str), range: element, price: num, iPackPrice: num,
  certificationInclude: bool, internationalProduct: bool,
  deliveryMode: str, commercialDuration,
}, {
  rsCode: str, rncpCode: str, cpfCode: str, moduleDuration: str,
  titles: arr(title), formula: arr(formula), catalogTopicRelations: arr(topicRelation),
  relatedProducts: arr(relatedProduct), notice, noticeUrl: str, noticeUrlPdf: str,
  certification: str, certifier: str, jobSheetTitle: str, jobSheetUrl: str, modalityTitle: str, marketingTitle: str,
});
const page = (item) => obj({ data: arr(item), pageNumber: int, pageSize: int, totalItems: int, totalPages: int });

const sessionPart = obj({ number: int, isRemote: bool, durationInDay: num }, {
  startDate: str, endDate: str, startTimeHour: int, startTimeMinute: int, endTimeHour: int, endTimeMinute: int, centerId: str,
});
const session = obj({
  yearlySessionCode: str, sessionNumber: int, yearlyProductCode: str, productCode: str, price: num,
  startDate: str, endDate: str, durationInDays: num, guaranteedSession: bool, isRemote: bool,
  isFull: bool, isLastPlaceAvailable: bool, isHighProbability: bool, status: str,
}, {
  componentCount: int, interDiscountPrice: num, city: str, registrationCount: int, limitMin: int, limitMax: int,
  topCpf: bool, parts: arr(sessionPart),
});

const ajv = new Ajv({ allowUnionTypes: true });
export const productsPage = page(product);
export const sessionsPage = page(session);
const validateProductsPage = ajv.compile(productsPage);
const validateSessionsPage = ajv.compile(sessionsPage);

function checked(validate, value) {
  if (!validate(value)) throw new Error(`ajv: ${ajv.errorsText(validate.errors)}`);
  return value;
}
/** Throws on the first mismatch, like the other peers; returns the value. */
export const parseProductsPage = (value) => checked(validateProductsPage, value);
export const parseSessionsPage = (value) => checked(validateSessionsPage, value);
