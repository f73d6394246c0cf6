//! French vocabulary the generator draws from: the topic tree, training
//! subjects, title variants, training centers in real French cities, people.

/// Three-level topic tree: domain → sub-domain → leaf → subjects of that leaf.
pub type Leaf = (&'static str, &'static [&'static str]);
pub type SubDomain = (&'static str, &'static [Leaf]);
pub type Domain = (&'static str, &'static [SubDomain]);

#[rustfmt::skip]
pub const TOPICS: &[Domain] = &[
    ("Achats", &[
        ("Management et métiers des achats", &[
            ("Management des achats", &["Acheteur : les fondamentaux du métier", "Piloter la performance des achats", "Manager une équipe achats"]),
            ("Négociation achats", &["Négocier avec ses fournisseurs", "Gérer les situations de négociation difficiles", "Négociation achats : méthodes avancées"]),
        ]),
        ("Achats responsables", &[
            ("Achats durables", &["Mettre en œuvre une politique d’achats responsables", "Évaluer et sélectionner ses fournisseurs", "Achats publics et Code de la commande publique"]),
        ]),
    ]),
    ("Management", &[
        ("Management d’équipe", &[
            ("Fondamentaux du management", &["Management : les fondamentaux", "Réussir sa prise de poste de manager", "Manager une équipe au quotidien"]),
            ("Management à distance", &["Manager une équipe à distance", "Animer des réunions hybrides", "Le « feedback » au cœur du management"]),
        ]),
        ("Leadership et changement", &[
            ("Leadership", &["Développer son leadership", "Manager transversal : influencer sans autorité", "Leadership au féminin"]),
            ("Conduite du changement", &["Conduire le changement", "Accompagner son équipe dans la transformation", "Prévenir les risques psychosociaux"]),
        ]),
    ]),
    ("Ressources humaines", &[
        ("Gestion des ressources humaines", &[
            ("Recrutement", &["Recruter sans discriminer", "Réussir ses entretiens de recrutement", "Marque employeur et recrutement digital"]),
            ("Compétences et carrières", &["Construire un plan de développement des compétences", "Conduire l’entretien professionnel", "GEPP : anticiper l’évolution des métiers"]),
            ("Paie", &["Pratique de la paie", "Paie : cas complexes et régularisations", "Administration du personnel"]),
        ]),
        ("Droit social", &[
            ("Droit du travail", &["L’essentiel du droit du travail", "Gérer les absences et les congés", "Rupture du contrat de travail"]),
            ("Relations sociales", &["Négocier avec les partenaires sociaux", "Le CSE : rôle et fonctionnement", "Prévenir les contentieux prud’homaux"]),
        ]),
    ]),
    ("Commercial et relation client", &[
        ("Vente", &[
            ("Techniques de vente", &["Les techniques de vente", "Prospecter efficacement par téléphone", "Vendre de la valeur, pas un prix"]),
            ("Négociation commerciale", &["Négociation commerciale", "Défendre ses prix et ses marges", "Key account management"]),
        ]),
        ("Relation client", &[
            ("Service client", &["Accueil téléphonique et relation client", "Gérer les clients difficiles", "Expérience client : créer l’effet « waouh »"]),
        ]),
    ]),
    ("Marketing et communication", &[
        ("Marketing", &[
            ("Marketing digital", &["Marketing digital : les fondamentaux", "Référencement naturel (SEO)", "Piloter ses campagnes sur les réseaux sociaux"]),
            ("Stratégie marketing", &["Élaborer son plan marketing", "Chef de produit : le métier", "Études de marché et veille concurrentielle"]),
        ]),
        ("Communication", &[
            ("Communication interne", &["Communication interne : stratégie et outils", "Rédiger pour le web", "Relations presse et communication de crise"]),
        ]),
    ]),
    ("Efficacité professionnelle", &[
        ("Développement personnel", &[
            ("Organisation et temps", &["Gestion du temps et des priorités", "Mieux s’organiser avec Outlook", "Gérer son stress au travail"]),
            ("Prise de parole", &["Prise de parole en public", "Convaincre à l’oral", "Storytelling : l’art de raconter"]),
        ]),
        ("Écrits professionnels", &[
            ("Écrits", &["Écrits professionnels : gagner en efficacité", "Prise de notes et compte rendu", "Rédiger un curriculum vitæ et une lettre percutants"]),
        ]),
    ]),
    ("Finance et comptabilité", &[
        ("Comptabilité", &[
            ("Comptabilité générale", &["Comptabilité générale : les bases", "Clôture des comptes annuels", "Pratique de la TVA"]),
            ("Consolidation", &["Pratique de la consolidation des comptes", "Normes IFRS : l’essentiel", "Fiscalité des groupes"]),
        ]),
        ("Contrôle de gestion", &[
            ("Pilotage financier", &["Contrôle de gestion : les fondamentaux", "Construire ses tableaux de bord", "Finance pour non-financiers"]),
        ]),
    ]),
    ("Informatique et digital", &[
        ("Bureautique", &[
            ("Excel", &["Excel : les fonctions avancées", "Excel : tableaux croisés dynamiques", "Power BI : analyser et visualiser ses données"]),
        ]),
        ("Transformation digitale", &[
            ("Intelligence artificielle", &["L’IA générative au service de la productivité", "Rédiger des prompts efficaces", "Comprendre les enjeux de l’IA en entreprise"]),
            ("Cybersécurité", &["Cybersécurité : les bons réflexes", "RSSI : piloter la sécurité du SI", "Data : culture et gouvernance des données"]),
        ]),
    ]),
    ("Gestion de projet", &[
        ("Management de projet", &[
            ("Fondamentaux", &["Gestion de projet : les fondamentaux", "Chef de projet occasionnel", "Piloter un portefeuille de projets"]),
            ("Agilité", &["Scrum et méthodes agiles", "Product Owner : le rôle clé", "Préparation à la certification PMP®"]),
        ]),
    ]),
    ("Juridique", &[
        ("Droit des affaires", &[
            ("Contrats", &["Rédiger et négocier ses contrats commerciaux", "Droit des sociétés : l’essentiel", "Le bail commercial"]),
        ]),
        ("Conformité", &[
            ("RGPD et éthique", &["RGPD : mettre son organisation en conformité", "Délégué à la protection des données", "Prévenir la corruption : loi Sapin II"]),
        ]),
    ]),
    ("Qualité, sécurité, environnement", &[
        ("Qualité", &[
            ("Management de la qualité", &["Responsable qualité : le métier", "Auditeur interne ISO 9001", "Lean management : les fondamentaux"]),
        ]),
        ("RSE", &[
            ("Responsabilité sociétale", &["RSE : comprendre et agir", "Réaliser son bilan carbone®", "Éco-conception et économie circulaire"]),
        ]),
    ]),
    ("Assistanat", &[
        ("Assistanat et secrétariat", &[
            ("Assistant(e) de direction", &["Assistant(e) de direction : les clés du métier", "Office manager", "Organiser séminaires et événements, ex æquo avec les pros"]),
        ]),
    ]),
];

/// `{}` is replaced by the subject. Enough variants for 1,247 distinct titles.
#[rustfmt::skip]
pub const TITLE_VARIANTS: &[&str] = &[
    "{}",
    "{} - Niv. 1",
    "{} - Niv. 2",
    "{} : perfectionnement",
    "{} en classe virtuelle",
    "Parcours certifiant – {}",
    "{} (e-learning)",
    "{} : atelier pratique",
    "{} - Best of « 4Real »",
    "{} pour les managers",
    "{} - Cycle certifiant",
    "{} : cas pratiques et mises en situation",
    "{} - Format court",
    "{} : méthodes et outils",
    "{} - Intra-entreprise",
];

pub const LEVELS: &[(i64, &str)] = &[(1, "Fondamental"), (2, "Perfectionnement"), (3, "Expertise"), (4, "Découverte")];
pub const EVOLUTION_TYPES: &[&str] = &["Reconduit", "Nouveauté", "Evolution", "Refonte"];
pub const PARTNERS: &[&str] = &["Cegos", "PMI®", "Microsoft", "AFNOR", "Google", "France Compétences", "ib Cegos"];
pub const CERTIFIERS: &[&str] = &["Cegos", "AFNOR Certification", "ENI", "PMI®", "CCI France"];

/// Training centers: (code, name, address lines, city as sent by Safir,
/// postal code, display city used on sessions, session weight).
pub type Center = (&'static str, &'static str, &'static [&'static str], &'static str, &'static str, &'static str, u64);

#[rustfmt::skip]
pub const CENTERS: &[Center] = &[
    ("PAR", "Cegos Paris - Issy-les-Moulineaux", &["19 rue René Jacques", "Immeuble Le Capitole"], "ISSY LES MOULINEAUX", "92130", "Paris", 40),
    ("PDF", "Cegos Paris La Défense", &["Tour Égée - 9-11 allée de l’Arche"], "COURBEVOIE", "92400", "Paris", 12),
    ("PMO", "Cegos Paris Montparnasse", &["33 avenue du Maine", "Tour Montparnasse - 29e étage"], "PARIS", "75015", "Paris", 10),
    ("LYO", "Cegos Lyon Part-Dieu", &["Tour Oxygène - 10-12 boulevard Marius Vivier Merle"], "LYON", "69003", "Lyon", 10),
    ("MAR", "Cegos Marseille Euroméditerranée", &["Les Docks - 10 place de la Joliette"], "MARSEILLE", "13002", "Marseille", 6),
    ("LIL", "Cegos Lille Euralille", &["Tour de Lille", "Boulevard de Turin"], "LILLE", "59777", "Lille", 6),
    ("BOR", "Cegos Bordeaux Mériadeck", &["Immeuble Le Plaza - 7 rue Jean Fleuret"], "BORDEAUX", "33000", "Bordeaux", 6),
    ("679", "ib-Cegos Nantes", &["2 Impasse Augustin Fresnel - Imm Atalante 2"], "ST HERBLAIN", "44800", "Nantes", 6),
    ("TLS", "Cegos Toulouse Compans", &["5 esplanade Compans-Caffarelli"], "TOULOUSE", "31000", "Toulouse", 6),
    ("STR", "Cegos Strasbourg", &["1 place de l’Homme de Fer"], "STRASBOURG", "67000", "Strasbourg", 4),
    ("REN", "Cegos Rennes", &["Immeuble Le Colombia - 2 rue du Pré Botté"], "RENNES", "35000", "Rennes", 4),
    ("NCE", "Cegos Nice Arénas", &["455 promenade des Anglais", "Immeuble Nice Plaza"], "NICE", "06200", "Nice", 3),
    ("MPL", "Cegos Montpellier Antigone", &["Le Triangle - 26 allée Jules Milhau"], "MONTPELLIER", "34000", "Montpellier", 3),
    ("GRE", "Cegos Grenoble Europole", &["5 place Robert Schuman"], "GRENOBLE", "38000", "Grenoble", 3),
    ("ROU", "Centre d’affaires Rouen Seine", &["Immeuble Normandie II", "55 rue Amiral Cécille"], "ROUEN", "76100", "Rouen", 2),
    ("AJ4", "GARE SNCF TOURS", &["Place du Général Leclerc", "Porte 11"], "TOURS", "37000", "Tours", 2),
    ("ORL", "Centre de congrès d’Orléans", &["Rue Xaintrailles"], "ORLEANS", "45000", "Orléans", 2),
    ("DIJ", "Dijon Clemenceau Affaires", &["9 boulevard de Champagne"], "DIJON", "21000", "Dijon", 2),
    ("CLF", "Clermont-Ferrand Jaude", &["2 place de Jaude"], "CLERMONT FERRAND", "63000", "Clermont-Ferrand", 2),
    ("MTZ", "Metz Technopôle", &["4 rue Marconi"], "METZ", "57070", "Metz", 1),
    ("NCY", "Nancy Centre d’affaires Stanislas", &["10 rue Saint-Jean"], "NANCY", "54000", "Nancy", 2),
    ("RMS", "Reims Clairmarais", &["28 rue de Clairmarais"], "REIMS", "51100", "Reims", 1),
    ("ANG", "Angers Gare Saint-Laud", &["Esplanade de la gare", "Bâtiment Quatuor"], "ANGERS", "49100", "Angers", 1),
    ("LMN", "Le Mans Novaxis", &["3 rue Paul Ligneul"], "LE MANS", "72000", "Le Mans", 1),
    ("CAE", "Caen Citis", &["Immeuble Odyssée - avenue de Tsukuba"], "HEROUVILLE ST CLAIR", "14200", "Caen", 2),
    ("BRE", "Brest Technopôle Iroise", &["305 rue Claude Chappe"], "BREST", "29200", "Brest", 1),
    ("LIM", "Limoges Ester Technopole", &["1 avenue d’Ester"], "LIMOGES", "87069", "Limoges", 1),
    ("POI", "Poitiers Futuroscope", &["Téléport 2 - avenue René Cassin"], "CHASSENEUIL DU POITOU", "86360", "Poitiers", 1),
    ("LRO", "La Rochelle Les Minimes", &["6 avenue du Lazaret"], "LA ROCHELLE", "17000", "La Rochelle", 1),
    ("PAU", "Pau Hélioparc", &["2 avenue du Président Pierre Angot"], "PAU", "64000", "Pau", 1),
    ("BAY", "Bayonne Centre", &["12 allées Marines"], "BAYONNE", "64100", "Bayonne", 1),
    ("PER", "Perpignan Tecnosud", &["Rue Georges Guynemer"], "PERPIGNAN", "66100", "Perpignan", 1),
    ("NIM", "Nîmes Georges Besse", &["185 allée Norbert Wiener"], "NIMES", "30000", "Nîmes", 1),
    ("AVI", "Avignon Agroparc", &["Immeuble Le Cézanne - 20 rue Lawrence Durrell"], "AVIGNON", "84000", "Avignon", 1),
    ("AIX", "Aix-en-Provence Pichaury", &["Europarc de Pichaury", "1330 rue Guillibert de la Lauzière"], "AIX EN PROVENCE", "13290", "Aix-en-Provence", 2),
    ("TLN", "Toulon Mayol", &["Rue Melpomène - Le Mayol"], "TOULON", "83000", "Toulon", 1),
    ("ANY", "Annecy Les Glaisins", &["12 rue du Pré Paillard"], "ANNECY", "74940", "Annecy", 1),
    ("CHB", "Chambéry Savoie Technolac", &["17 allée du Lac de Tignes"], "LE BOURGET DU LAC", "73370", "Chambéry", 1),
    ("STE", "Saint-Étienne Châteaucreux", &["Immeuble Le Triangle - 10 rue de la Montat"], "ST ETIENNE", "42000", "Saint-Étienne", 1),
    ("BES", "Besançon Temis", &["18 rue Alain Savary"], "BESANCON", "25000", "Besançon", 1),
    ("MUL", "Mulhouse Gare", &["Centre d’affaires du Nouveau Bassin", "2 rue de Thann"], "MULHOUSE", "68100", "Mulhouse", 1),
    ("AMI", "Amiens Vallée des Vignes", &["2 rue Ferdinand de Lesseps"], "AMIENS", "80000", "Amiens", 1),
    ("LHV", "Le Havre Docks Vauban", &["Quai Frissard"], "LE HAVRE", "76600", "Le Havre", 1),
    ("VAL", "Valenciennes Serbat", &["Rue des Sayettes"], "VALENCIENNES", "59300", "Valenciennes", 1),
    ("VAN", "Vannes Parc du Golfe", &["Bâtiment 9 - rue Camille Claudel"], "VANNES", "56000", "Vannes", 1),
    ("NIO", "Niort Terre de Sports", &["Avenue de Limoges"], "NIORT", "79000", "Niort", 1),
    ("TRO", "Troyes Technopole de l’Aube", &["2 rue Gustave Eiffel"], "ROSIERES PRES TROYES", "10430", "Troyes", 1),
    ("VLC", "Valence Rovaltain", &["1 avenue de la Gare"], "ALIXAN", "26300", "Valence", 1),
    ("QPR", "Quimper Creac’h Gwen", &["2 rue Félix Le Dantec"], "QUIMPER", "29000", "Quimper", 1),
    ("AJA", "Ajaccio Centre", &["Cours Napoléon"], "AJACCIO", "20000", "Ajaccio", 1),
];

#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Zoé", "Louise", "Éloïse", "Anaïs", "Hélène", "Maëlle",
    "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Raphaël", "Théo", "Noé", "Jérôme", "François", "Loïc", "Benoît",
];
#[rustfmt::skip]
pub const LAST_NAMES: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
    "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
    "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Le Gall", "Coëffic",
];
