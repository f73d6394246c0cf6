// Deterministic bench documents for the Cegos parse rows (bench/run.mjs):
//   productsPage(): a hydrated `GET /v1/Products?hydrate=true` page, 100 products, ≈ 360 KB
//   sessionsPage(): a `GET /v1/Sessions?hydrate=true` page, 100 sessions with their parts
// Both are built from the examples of shared/specs/cegos-catalog-api.txt with
// realistic variety (French text with accents and ligatures, CMS HTML of
// varying length with escaped attribute quotes, optional fields absent or null
// as the models allow). Seeded PRNG: the same text on every run and machine.
//
//   node bench/data.mjs          # prints the sizes
//   node bench/data.mjs --write  # also writes tests/fixtures/cegos/bench-{products,sessions}-page.json (each < 400 KB)
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// mulberry32: small, fast, good enough for test data.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  const some = (xs, lo, hi) => {
    const pool = [...xs];
    const n = Math.min(pool.length, int(lo, hi));
    const out = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, some };
}

const SUBJECTS = [
  "Management : les fondamentaux", "Pratique de la consolidation des comptes", "Manager une équipe à distance",
  "Gestion de projet agile — certification", "Prise de parole en public", "Les clés de l'efficacité professionnelle",
  "Négociation commerciale : réussir ses entretiens", "Contrôle de gestion opérationnel", "Droit du travail pour managers",
  "Œuvrer pour la qualité de vie au travail", "Excel perfectionnement : tableaux croisés dynamiques", "Cœur de métier : l'assistant(e) de direction",
  "Développer son leadership", "Conduite du changement", "Recrutement : mener un entretien réussi",
  "Comptabilité générale — niveau 2", "Fiscalité des entreprises", "Marketing digital et réseaux sociaux",
  "Achats : élaborer une stratégie", "Sécurité des systèmes d'information", "Formateur occasionnel : concevoir et animer",
  "Relation client à distance", "Lean management et amélioration continue", "Communication interpersonnelle",
  "Gérer son stress et ses émotions", "Paie : les bases", "Intelligence artificielle générative au quotidien",
  "RSE : piloter une démarche responsable", "Analyse financière pour non-financiers", "Écrits professionnels efficaces",
];
const SUFFIXES = ["", " - Niv. 1", " - Niv. 2", " (parcours certifiant)", " : l'essentiel en 2 jours", " — perfectionnement", " & ex æquo", ""];
const CITIES = ["Paris", "Lyon", "Lille", "Marseille", "Bordeaux", "Nantes", "Toulouse", "Strasbourg", "Rennes", "Aix-en-Provence", "Sophia-Antipolis", "Rouen", "Grenoble", "Montpellier"];
const LEVELS = [[1, "Découverte"], [2, "Fondamental"], [3, "Perfectionnement"], [4, "Expertise"]];
const RANGES = [[5, "Management"], [219, "Comptabilité"], [31, "Ressources humaines"], [47, "Efficacité professionnelle"], [88, "Achats & supply chain"], [102, "Informatique & systèmes d'information"], [140, "Commercial & relation client"], [161, "Développement personnel"]];
const WORDS = (
  "vous serez capable de maîtriser les outils méthodes clés pour piloter votre activité au quotidien identifier les leviers " +
  "d'amélioration construire un plan d'action réaliste adapter votre posture managériale selon les situations renforcer la " +
  "cohésion de l'équipe mesurer les résultats obtenus et communiquer efficacement avec vos interlocuteurs internes externes " +
  "grâce à des mises en situation des études de cas et des échanges de pratiques entre participants où chacun bénéficie " +
  "d'un accompagnement personnalisé à l'issue de la formation cœur œuvre être déjà réglementation européenne référentiel"
).split(" ");

function sentence(r, lo, hi) {
  const n = r.int(lo, Math.max(lo, Math.round(hi * 0.55)));
  const w = [];
  for (let i = 0; i < n; i++) w.push(r.pick(WORDS));
  const s = w.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1) + r.pick([".", ".", ".", " !", " :", "…"]);
}

// CMS HTML: paragraphs, lists, emphasis, links with quoted attributes, entities.
function html(r, blocks) {
  const out = [];
  for (let b = 0; b < blocks; b++) {
    const kind = r.int(0, 5);
    if (kind === 0) {
      const items = [];
      for (let i = r.int(2, 3); i > 0; i--) items.push(`<li>${sentence(r, 3, 7)}</li>`);
      out.push(`<ul class="liste-puces">${items.join("")}</ul>`);
    } else if (kind === 1) {
      out.push(`<p><strong>${sentence(r, 2, 4)}</strong>&nbsp;${sentence(r, 3, 9)}</p>`);
    } else if (kind === 2) {
      out.push(`<p>${sentence(r, 4, 10)} <a href="https://www.cegos.fr/formations/${r.int(100, 99999)}" target="_blank" rel="noopener">En savoir plus&nbsp;&raquo;</a></p>`);
    } else {
      out.push(`<p>${sentence(r, 4, 12)}</p>`);
    }
  }
  return out.join(r.chance(0.5) ? "\r\n" : "");
}

// A CMS field: often left empty by the editors.
const cms = (r, p) => (r.chance(p) ? "" : html(r, 1));

function product(r, i) {
  const code = String(r.chance(0.3) ? r.int(1, 999) : r.int(1000, 99999));
  const year = r.pick([2025, 2025, 2025, 2026]);
  const title = r.pick(SUBJECTS) + r.pick(SUFFIXES);
  const remote = r.chance(0.35);
  const cities = r.some(CITIES, remote ? 0 : 1, 5);
  if (remote || r.chance(0.5)) cities.unshift("A DISTANCE");
  const cpf = r.chance(0.45);
  const [levelId, levelLabel] = r.pick(LEVELS);
  const [rangeId, rangeLabel] = r.pick(RANGES);
  const days = r.pick([1, 2, 2, 3, 3, 4, 5]);
  const price = r.pick([890, 1190, 1350, 1490, 1690, 1890, 2250, 2490, 2990, 3450]) + (r.chance(0.2) ? 0.5 : 0);
  const p = {
    productCode: code,
    yearlyProductCode: `${year}${code.padStart(5, "0")}`,
    offerYear: year,
    title,
    evolutionType: r.pick(["Reconduit", "Evolution", "Nouveauté"]),
    cpf,
  };
  // "optional, only if not empty": mostly absent, now and then null.
  if (cpf || r.chance(0.2)) p.rsCode = r.chance(0.1) ? null : `RS${r.int(1000, 6999)}`;
  if (cpf && r.chance(0.6)) p.rncpCode = `RNCP${r.int(10000, 39999)}`;
  if (cpf) p.cpfCode = r.chance(0.05) ? null : String(r.int(200000, 399999));
  p.trainingMethod = r.pick(["Stage", "Présentiel", "Parcours blended", "Classe virtuelle"]);
  p.familyOfferId = r.int(1, 40);
  if (r.chance(0.8)) p.moduleDuration = r.chance(0.1) ? null : `${days} jour${days > 1 ? "s" : ""}${r.chance(0.2) ? " et 3 heures" : ""}`;
  p.languages = r.chance(0.15) ? ["Français", "Anglais"] : ["Français"];
  p.cities = cities;
  p.availableCpfCities = cpf ? r.some(cities, 0, cities.length) : [];
  p.level = { id: levelId, label: levelLabel };
  p.professionalChallengesId = r.int(1, 12);
  p.bestSeller = r.chance(0.15);
  p.picto4Real = r.chance(0.3);
  const titles = [{ type: "BALISE TITRE", text: `Formation ${title.toLowerCase()} - Cegos`, lengthMaximum: 128 }, { type: "TITRE", text: title, lengthMaximum: 256 }];
  if (r.chance(0.5)) titles.push({ type: "SOUS TITRE", text: sentence(r, 4, 10), lengthMaximum: 256 });
  if (r.chance(0.1)) titles.unshift({ type: "Main", text: title.length <= 50 ? title : `${title.slice(0, 49)}…`, lengthMaximum: 50 });
  p.titles = titles;
  p.formula = [];
  for (let f = r.chance(0.15) ? 2 : 1; f > 0; f--) {
    const modules = [];
    for (let m = 1, n = r.pick([1, 1, 2, 2, 3]); m <= n; m++) {
      const isProduct = r.chance(0.4);
      const distance = isProduct || r.chance(0.2);
      const minutes = distance ? r.pick([15, 30, 45, 60, 90]) : r.pick([1, 2, 3]) * 420;
      modules.push({
        id: r.int(10000, 99999),
        code: isProduct ? `${r.pick(["PRAC", "EXP", "ELN", "MOOC"])}${r.int(10, 299)}_FR` : `P${String(m).padStart(2, "0")}`,
        order: m,
        optional: r.chance(0.15),
        isProduct,
        label: isProduct ? r.pick(["Practips générique : un défi par semaine pendant 7 semaines", "Les états financiers en normes IFRS", "Module e-learning : l'essentiel", "Classe virtuelle de suivi à J+30"]) : `Partie ${m}`,
        delayInDay: Math.round((minutes / 420) * 100) / 100,
        delayInHour: Math.round((minutes / 60) * 10) / 10,
        delayInMinute: minutes,
        deliveryMode: distance ? "A distance" : "Présentiel",
      });
    }
    p.formula.push({ id: r.int(10000, 39999), label: `F${p.formula.length + 1}`, modules });
  }
  p.catalogTopicRelations = [];
  for (let t = 1, n = r.int(1, 2); t <= n; t++) p.catalogTopicRelations.push({ catalogTopicId: r.int(920000, 929999), relationType: t === 1 ? "Main" : "Secondary", order: r.int(1, 12) });
  p.partners = r.chance(0.7) ? ["Cegos"] : r.some(["Cegos", "Orsys", "PMI®", "AFNOR", "Microsoft"], 0, 2);
  p.relatedProducts = [];
  for (let k = 1, n = r.int(0, 2); k <= n; k++) p.relatedProducts.push({ relatedProductCode: String(r.int(100, 9999)), type: "After", order: k });
  p.range = { id: rangeId, label: rangeLabel };
  p.price = price;
  p.iPackPrice = Math.round(price * r.pick([2.2, 2.6, 3])) ;
  const parts = [];
  for (let k = r.int(2, 4); k > 0; k--) parts.push(`<p><strong>${sentence(r, 2, 4)}</strong></p>${r.chance(0.1) ? html(r, 1) : ""}`);
  const notice = {};
  if (r.chance(0.85)) notice.introductionTitle = `Une formation pour ${r.pick(["maîtriser", "découvrir", "approfondir", "réussir"])} ${title.toLowerCase()}`;
  notice.introduction = html(r, r.chance(0.2) ? 2 : 1);
  notice.forWho = cms(r, 0.75);
  if (r.chance(0.5)) notice.applicationProcedure = r.chance(0.1) ? null : cms(r, 0.45);
  notice.prerequisite = r.chance(0.5) ? "<p>Aucun.</p>" : html(r, 1);
  notice.visioTrainingProcedure = cms(r, 0.75);
  notice.objective = cms(r, 0.45);
  notice.evaluation = cms(r, 0.75);
  notice.programContent = {
    before: { title: "<p>Avant la formation</p>", text: cms(r, 0.5) },
    duringTitle: "<p>Pendant la formation</p>",
    parts,
    after: { title: "<p>Après la formation</p>", text: cms(r, 0.5) },
    upstream: cms(r, 0.6),
  };
  if (r.chance(0.3)) notice.programContent.downstream = cms(r, 0.5);
  notice.participantBenefits = cms(r, 0.75);
  notice.program = "";
  notice.highlights = cms(r, 0.75);
  notice.morePrecisely = cms(r, 0.7);
  notice.firstMinute = cms(r, 0.75);
  notice.cpfText = cpf ? `<p>Cette formation est éligible au CPF sous le code ${p.cpfCode ?? "—"}.</p>` : "";
  notice.rncpText = p.rncpCode ? `<p>Certification ${p.rncpCode} enregistrée au RNCP.</p>` : "";
  notice.expectedResults = cms(r, 0.75);
  notice.theMostPartnerText = r.chance(0.7) ? "" : html(r, 1);
  notice.financingAssistance = "<p>Prise en charge possible par votre OPCO.</p>";
  notice.certificationTitleOptionalOrIncluded = r.chance(0.5) ? "" : "<p>Certification incluse</p>";
  notice.bonus = cms(r, 0.7);
  notice.video = r.chance(0.7) ? "" : `<iframe src="https://www.youtube.com/embed/${code}x${r.int(1000, 9999)}" width="560" height="315" allowfullscreen></iframe>`;
  notice.financing = "<p>Financement entreprise, OPCO ou CPF selon éligibilité.</p>";
  notice.cpfPopup = cpf ? "<p>Plus d'infos sur le CPF&nbsp;: <a href=\"https://www.moncompteformation.gouv.fr\">moncompteformation.gouv.fr</a></p>" : "";
  notice.imageProgramDesktop = `image-${code}-desktop.jpg`;
  notice.imageProgramMobile = `image-${code}-mobile.jpg`;
  notice.imageSocialNetworks = `image-${code}-social.jpg`;
  notice.pedagogy = cms(r, 0.75);
  p.notice = notice;
  if (r.chance(0.95)) p.noticeUrl = `https://www.cegos.fr/${code}`;
  if (r.chance(0.9)) p.noticeUrlPdf = `https://static.cegos.fr/pdf/${year}_${code.padStart(4, "0")}.pdf`;
  p.certificationInclude = r.chance(0.3);
  p.internationalProduct = r.chance(0.1);
  if (r.chance(0.4)) {
    p.certification = r.chance(0.1) ? null : `Certification ${rangeLabel}`;
    p.certifier = r.pick(["Cegos", "France Compétences", "AFNOR"]);
  }
  if (r.chance(0.2)) {
    p.jobSheetTitle = `Fiche métier ${rangeLabel}`;
    p.jobSheetUrl = `https://fiche-metier.cegos.fr/${rangeId}-${i}`;
  }
  if (r.chance(0.3)) p.modalityTitle = r.pick(["Formation présentielle", "Formation à distance", "Formation mixte"]);
  if (r.chance(0.2)) p.marketingTitle = `${title} — l'offre ${r.pick(["Premium", "Essentielle", "Intensive"])}`;
  p.deliveryMode = remote ? "A distance" : r.pick(["Présentiel", "Mixte"]);
  p.commercialDuration = { days: String(days), hours: String(days * 7), minutes: "0", forcedValues: r.chance(0.1), remoteActivityIncluded: r.chance(0.6) };
  return p;
}

const pad = (n) => String(n).padStart(2, "0");

function session(r, i) {
  const code = String(r.int(1000, 99999));
  const remote = r.chance(0.3);
  const city = remote ? "A DISTANCE" : r.pick(CITIES);
  const zone = r.chance(0.4) ? "Z" : "";
  const month = r.int(1, 12);
  let day = r.int(1, 20);
  const nParts = r.int(1, 5);
  const parts = [];
  let total = 0;
  for (let n = 1; n <= nParts; n++, day++) {
    const half = n === nParts && r.chance(0.2);
    const partRemote = remote || (n > 1 && r.chance(0.15));
    const [sh, sm, eh, em] = half ? [9, 0, 12, 30] : [9, r.pick([0, 0, 30]), 17, r.pick([0, 30])];
    const date = `2025-${pad(month)}-${pad(day)}`;
    const part = { isRemote: partRemote };
    const undated = r.chance(0.03);
    if (undated) {
      Object.assign(part, { startTimeHour: null, startTimeMinute: null, endTimeHour: null, endTimeMinute: null, startDate: null, endDate: null });
    } else {
      Object.assign(part, { startTimeHour: sh, startTimeMinute: sm, endTimeHour: eh, endTimeMinute: em, startDate: `${date}T${pad(sh)}:${pad(sm)}:00${zone}`, endDate: `${date}T${pad(eh)}:${pad(em)}:00${zone}` });
    }
    part.durationInDay = half ? 0.5 : 1.0;
    total += part.durationInDay;
    part.number = n;
    part.centerId = partRemote ? null : `${city.slice(0, 3).toUpperCase()}${r.chance(0.5) ? "" : "-00" + r.int(1, 9)}`;
    if (r.chance(0.05)) part.room = r.pick(["Salle Eiffel", "Teams", "Salle Lumière"]);
    parts.push(part);
  }
  const limitMax = r.pick([8, 10, 12, 14, 16]);
  const limitMin = r.pick([3, 4, 5, 6]);
  const reg = r.int(0, limitMax);
  const price = r.pick([890, 1190, 1350, 1490, 1890, 2250]);
  const s = {
    yearlySessionCode: `2025-${code}-${city.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`,
    sessionNumber: i + 1,
    yearlyProductCode: `2025-${code}`,
    productCode: code,
    price,
  };
  if (r.chance(0.9)) s.componentCount = nParts;
  if (r.chance(0.8)) s.interDiscountPrice = r.chance(0.1) ? null : Math.round(price * 0.9 * 100) / 100;
  s.startDate = parts[0].startDate ?? `2025-${pad(month)}-01T09:00:00${zone}`;
  s.endDate = parts[nParts - 1].endDate ?? `2025-${pad(month)}-28T17:00:00${zone}`;
  s.durationInDays = total;
  s.guaranteedSession = r.chance(0.3);
  s.isRemote = remote;
  if (r.chance(0.95)) s.city = city;
  s.isFull = reg >= limitMax;
  s.isLastPlaceAvailable = reg === limitMax - 1;
  s.isHighProbability = reg >= limitMin;
  if (r.chance(0.9)) s.registrationCount = r.chance(0.05) ? null : reg;
  if (r.chance(0.9)) {
    s.limitMin = limitMin;
    s.limitMax = limitMax;
  }
  s.status = r.chance(0.85) ? "Open" : r.pick(["Valid", "Invited", "Cancel", "Closed", "Cancelled"]);
  s.topCpf = r.chance(0.1) ? null : r.chance(0.5);
  s.parts = parts;
  return s;
}

function page(items, totalItems) {
  return { data: items, pageNumber: 1, pageSize: 100, totalItems, totalPages: Math.ceil(totalItems / 100) };
}

/** The hydrated 100-product page, as JSON text. */
export function productsPage() {
  const r = rng(0x0c3605);
  const items = [];
  for (let i = 0; i < 100; i++) items.push(product(r, i));
  return JSON.stringify(page(items, 1247));
}

/** The 100-session page with parts, as JSON text. */
export function sessionsPage() {
  const r = rng(0x5e5510);
  const items = [];
  for (let i = 0; i < 100; i++) items.push(session(r, i));
  return JSON.stringify(page(items, 2847));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const docs = { "bench-products-page.json": productsPage(), "bench-sessions-page.json": sessionsPage() };
  for (const [name, text] of Object.entries(docs)) {
    const bytes = Buffer.byteLength(text);
    console.log(`${name}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
    if (process.argv.includes("--write")) {
      if (bytes >= 400 * 1024) throw new Error(`${name} is ${bytes} bytes, not under 400 KB: not written`);
      writeFileSync(new URL(`../tests/fixtures/cegos/${name}`, import.meta.url), text + "\n");
      console.log(`  wrote tests/fixtures/cegos/${name}`);
    }
  }
}

/**
 * `n` valid Campus Skills contracts as a sync request (`{ contrats }`), the
 * same shape as the Rust test generator in tests/campus_skills_rules.rs: shared
 * sites, periods, programmes, years, school tutors and company tutors, so every
 * uniqueness map is exercised with real repetition.
 */
export function campusSyncRequest(n = 10_000) {
  const pad = (x, w) => String(x).padStart(w, "0");
  const contrats = [];
  for (let i = 0; i < n; i++) {
    const [s, m, site, period, prog, year] = [i % 100, i % 2000, i % 10, i % 3, i % 50, i % 100];
    contrats.push({
      codeContrat: `CTR-${pad(i, 6)}`,
      dateDebut: `${pad(1 + (i % 28), 2)}/09/2024`,
      dateFin: "31/08/2026",
      nomEntreprise: `Entreprise ${i % 700}`,
      codeGroupe: `G${prog}-${site}`,
      nomGroupe: `Groupe ${prog} ${site}`,
      codeSite: `S${site}`,
      nomSite: `Site n°${site}`,
      codePeriode: `P${period}`,
      nomPeriode: `${2024 + period}/${2025 + period}`,
      codeFormation: `F${prog}`,
      nomFormation: `Formation ${prog}`,
      codeAnnee: `A${year}`,
      nomAnnee: `Formation ${prog} année ${Math.floor(year / 50) + 1}`,
      codeApprenant: `APP-${pad(i, 6)}`,
      nomApprenant: i % 3 === 0 ? `Lefèvre${i}` : `Durand${i}`,
      prenomApprenant: "Zoé",
      emailApprenant: `apprenant${i}@exemple.fr`,
      codePersonnel: `PER-${pad(s, 3)}`,
      nomPersonnel: `Martin${s}`,
      prenomPersonnel: "Élodie",
      emailPersonnel: `Personnel${s}@Ecole.fr`,
      codeMaitreApprentissage: `MA-${pad(m, 5)}`,
      nomMaitreApprentissage: `Bernard${m}`,
      prenomMaitreApprentissage: "Paul",
      emailMaitreApprentissage: `ma${m}@entreprise.fr`,
      rncp: "RNCP38368",
      type: i % 5 === 0 ? "INTERNSHIP" : "APPRENTICESHIP",
    });
  }
  return JSON.stringify({ contrats });
}
