//! Product notices: real-looking HTML fragments (`<p>`, `<ul><li>`, `<strong>`),
//! as NextPage sends them through the Cegos API.

use serde::Serialize;

use super::rng::Rng;

#[derive(Serialize, Clone, Debug)]
pub struct Section {
    pub title: String,
    pub text: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ProgramContent {
    pub before: Section,
    pub during_title: String,
    pub parts: Vec<String>,
    pub after: Section,
    pub upstream: String,
}

#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub introduction_title: String,
    pub introduction: String,
    pub for_who: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_procedure: Option<String>,
    pub prerequisite: String,
    pub visio_training_procedure: String,
    pub objective: String,
    pub evaluation: String,
    pub program_content: ProgramContent,
    pub participant_benefits: String,
    pub program: String,
    pub highlights: String,
    pub more_precisely: String,
    pub first_minute: String,
    pub cpf_text: String,
    pub rncp_text: String,
    pub expected_results: String,
    pub the_most_partner_text: String,
    pub financing_assistance: String,
    pub certification_title_optional_or_included: String,
    pub bonus: String,
    pub video: String,
    pub financing: String,
    pub cpf_popup: String,
    pub image_program_desktop: String,
    pub image_program_mobile: String,
    pub image_social_networks: String,
    pub pedagogy: String,
}

const AUDIENCES: &[&str] = &[
    "Managers de proximité et chefs d’équipe",
    "Toute personne amenée à piloter une activité",
    "Collaborateurs souhaitant consolider leurs pratiques",
    "Responsables de service et leurs adjoints",
    "Assistant(e)s, chargé(e)s de mission, chefs de projet",
    "Nouveaux embauchés et personnes en reconversion",
];

const SUBTITLES: &[&str] = &[
    "Acquérir les réflexes et les outils pour {}",
    "Les clés pour réussir : {}",
    "Méthodes, outils et bonnes pratiques pour {}",
    "Passer de la théorie à la pratique : {}",
];

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub fn subtitle(rng: &mut Rng, subject: &str) -> String {
    rng.pick(SUBTITLES).copied().unwrap_or("{}").replace("{}", &lower_first(subject))
}

fn ul(items: &[String]) -> String {
    let mut s = String::from("<ul>");
    for i in items {
        s.push_str("<li>");
        s.push_str(i);
        s.push_str("</li>");
    }
    s.push_str("</ul>");
    s
}

pub fn generate(rng: &mut Rng, title: &str, subject: &str, leaf: &str, days: u32, cpf: bool) -> Notice {
    let s = lower_first(subject);
    let audience = rng.pick(AUDIENCES).copied().unwrap_or("Tout public");
    let parts: Vec<String> = (1..=rng.range(3, 6))
        .map(|k| match k {
            1 => format!("<p><strong>Partie {k} :</strong> comprendre les enjeux – {s}</p>"),
            2 => format!("<p><strong>Partie {k} :</strong> les méthodes et outils clés</p><ul><li>Diagnostic de la situation</li><li>Choix des leviers d’action</li></ul>"),
            3 => format!("<p><strong>Partie {k} :</strong> mises en situation et cas pratiques</p>"),
            4 => format!("<p><strong>Partie {k} :</strong> construire son plan d’action personnel</p>"),
            _ => format!("<p><strong>Partie {k} :</strong> aller plus loin – « retours d’expérience »</p>"),
        })
        .collect();
    let duration = if days == 0 { "à votre rythme".to_string() } else { format!("en {days} jour{}", if days > 1 { "s" } else { "" }) };
    Notice {
        introduction_title: format!("Formation {}", s),
        introduction: format!("<p>Cette formation <strong>{title}</strong> vous permet, {duration}, d’acquérir les savoir-faire indispensables pour {s}.</p><p>Une approche concrète, au cœur de vos enjeux opérationnels.</p>"),
        for_who: format!("<ul><li>{audience}</li><li>Toute personne concernée par le thème « {leaf} »</li></ul>"),
        application_procedure: if rng.chance(70) { Some("<p>Inscription directe en ligne ou auprès de votre conseiller formation.</p>".into()) } else { None },
        prerequisite: if rng.chance(60) { "<p>Aucun.</p>".into() } else { format!("<p>Avoir suivi la formation « {subject} - Niv. 1 » ou posséder un niveau équivalent.</p>") },
        visio_training_procedure: "<p>La classe virtuelle se déroule sur <strong>Microsoft Teams</strong> : un lien de connexion vous est adressé 48 h avant.</p>".into(),
        objective: ul(&[
            format!("Comprendre les fondamentaux : {s}"),
            "Identifier les leviers d’efficacité et les erreurs à éviter".into(),
            "Mettre en œuvre des outils directement applicables".into(),
        ]),
        evaluation: "<p>L’évaluation des acquis se fait tout au long de la session au travers des cas pratiques et d’un <strong>quiz final</strong>.</p>".into(),
        program_content: ProgramContent {
            before: Section { title: "Avant la formation".into(), text: "<p>Un questionnaire de positionnement pour identifier vos attentes.</p>".into() },
            during_title: "Pendant la formation".into(),
            parts,
            after: Section { title: "Après la formation".into(), text: "<p>Des modules e-learning de renforcement pendant 3 mois.</p>".into() },
            upstream: "<p>Préparation en amont : un autodiagnostic en ligne.</p>".into(),
        },
        participant_benefits: ul(&["Un plan d’action personnalisé".into(), "Les supports pédagogiques téléchargeables".into()]),
        program: format!("<p>Programme détaillé de la formation « {title} ».</p>"),
        highlights: ul(&["Une pédagogie active et participative".into(), "Des formateurs experts du domaine, certifiés Cegos".into()]),
        more_precisely: "<p>Les exercices s’appuient sur des situations issues de votre quotidien professionnel.</p>".into(),
        first_minute: "<p>Dès la première minute, chacun présente ses objectifs et ses enjeux.</p>".into(),
        cpf_text: if cpf { "<p>Cette formation est <strong>éligible au CPF</strong> sous conditions.</p>".into() } else { String::new() },
        rncp_text: String::new(),
        expected_results: format!("<p>À l’issue de la formation, vous serez capable de {s} en autonomie.</p>"),
        the_most_partner_text: "<p>L’expertise Cegos, leader européen de la formation professionnelle.</p>".into(),
        financing_assistance: "<p>Prise en charge possible par votre OPCO.</p>".into(),
        certification_title_optional_or_included: if cpf { "<p>Certification incluse.</p>".into() } else { String::new() },
        bonus: "<p>Accès à des ressources complémentaires : fiches mémo, vidéos, quiz.</p>".into(),
        video: String::new(),
        financing: "<p>Financement entreprise, OPCO ou CPF selon éligibilité.</p>".into(),
        cpf_popup: if cpf { "<p>Mobilisez votre CPF sur <strong>moncompteformation.gouv.fr</strong>.</p>".into() } else { String::new() },
        image_program_desktop: "image-programme-desktop.jpg".into(),
        image_program_mobile: "image-programme-mobile.jpg".into(),
        image_social_networks: "image-reseaux-sociaux.jpg".into(),
        pedagogy: "<p>Pédagogie active : apports, échanges, <strong>mises en situation</strong> filmées.</p>".into(),
    }
}
