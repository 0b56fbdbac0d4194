# Les pages des membres et des membres du Bureau : la liste, l’admission, la page d’un membre
# (délégation, clés de signature, accréditation, statut), le Bureau, la réinitialisation d’un mot de passe.

ppl-members-title = Membres
ppl-members-heading = Membres et observateurs
ppl-breadcrumb = Membres
ppl-admit-heading = Admettre un membre ou un observateur
ppl-kind = Type
ppl-status = Statut
ppl-code = Code
ppl-name = Nom
ppl-role = Fonction
ppl-id = Identifiant
ppl-email = Courriel
ppl-label = Libellé
ppl-actions = Actions
ppl-of = de
ppl-filter-all = Tous
ppl-filter-states = États
ppl-filter-organisations = Organisations
ppl-filter-members = Membres
ppl-filter-observers = Observateurs
ppl-filter-q = Nom ou code
ppl-filter = Filtrer
ppl-shown = { $shown } sur { $total } affichés
ppl-tag-suspended = suspendu
ppl-no-match = Aucun membre ne correspond à ce filtre.
ppl-nothing-changed = Rien n’a été modifié.

ppl-kind-state = État
ppl-kind-organisation = Organisation
ppl-status-member = membre
ppl-status-observer = observateur
ppl-category-intergovernmental_organisation = Organisation intergouvernementale
ppl-category-ngo = Organisation non gouvernementale
ppl-category-private_sector = Secteur privé
ppl-category-academia = Milieux universitaires
ppl-category-technical_community = Communauté technique
ppl-category-individual = Particulier

ppl-suspended = Suspendu
ppl-no-reason = aucun motif indiqué
ppl-admitted-by = Admis par
ppl-entry = l’entrée nº { $index }
ppl-signatures = Signatures
ppl-sig-required = exigées
ppl-sig-required-since = pour chaque action faite en son nom, depuis
ppl-sig-required-keys =
    { $count ->
        [one] ({ $count } clé de signature active) : l’hôte ne peut enregistrer aucune action pour { $code } que sa délégation n’a pas signée
       *[other] ({ $count } clés de signature actives) : l’hôte ne peut enregistrer aucune action pour { $code } que sa délégation n’a pas signée
    }
ppl-sig-no-key = aucune clé de signature enregistrée ; les actions sont enregistrées sans signature
ppl-sig-optional =
    { $count ->
        [one] { $count } clé de signature active ; les actions non signées restent acceptées
       *[other] { $count } clés de signature actives ; les actions non signées restent acceptées
    }
ppl-delegation = Délégation
ppl-no-delegate = Aucun délégué n’est accrédité.
ppl-withdraw-confirm = Retirer l’accréditation de { $name } ? Ce retrait est enregistré et ne peut être annulé.
ppl-withdraw = Retirer l’accréditation
ppl-reset-confirm = Réinitialiser le mot de passe de { $name } ? Ses sessions prennent fin et ses jetons d’API sont révoqués.
ppl-reset = Réinitialiser le mot de passe
ppl-keys = Clés de signature
ppl-keys-intro = La délégation de { $code } signe les actions faites en son nom avec ces clés Ed25519, sur ses propres machines ou dans ses navigateurs ; l’hôte ne les détient jamais. Quiconque rejoue le registre vérifie chaque signature.
ppl-no-key = Aucune clé n’est enregistrée.
ppl-key = Clé
ppl-registered = Enregistrée
ppl-state = État
ppl-key-revoked-by = révoquée par
ppl-key-active = active
ppl-key-revoke-confirm = Révoquer la clé { $key } ? Les actions signées avec elle seront désormais refusées.
ppl-revoke = Révoquer
ppl-key-named = la clé { $key }
ppl-key-public = Clé publique à enregistrer
ppl-key-public-before = (base64, 32 octets : créée dans un navigateur sur votre
ppl-key-public-link = page de compte
ppl-key-public-after = , ou par
ppl-key-label-example = p. ex. ordinateur portable du chef, navigateur
ppl-key-register = Enregistrer la clé
ppl-require-confirm = Exiger désormais la signature de { $code } pour chaque action faite en son nom ? Cette déclaration est enregistrée et ne peut être annulée.
ppl-require-text = À compter de cette déclaration, chaque action faite au nom de { $code } doit porter la signature de l’une de ses clés, faute de quoi elle est refusée. La déclaration est elle-même signée : par une clé enregistrée détenue dans ce navigateur, ou avec
ppl-require = Exiger la signature de { $code } pour chaque action
ppl-accredit-heading = Accréditer un délégué
ppl-accredit-intro = Le registre indique le nom et la fonction ; l’adresse électronique reste privée.
ppl-already-accredited = (déjà accrédité)
ppl-password = Mot de passe
ppl-password-optional = (facultatif ; laissez vide pour obtenir un mot de passe initial à usage unique)
ppl-accredit = Accréditer
ppl-to-observer = Passer au statut d’observateur
ppl-to-member = Passer au statut de membre
ppl-reinstate = Mettre fin à la suspension
ppl-suspend-reason = Motif de la suspension (enregistré publiquement)
ppl-suspend = Suspendre { $code }

ppl-accredited = ({ $id }) est accrédité. L’entrée figure au registre.
ppl-give-details-before = Remettez ces informations de connexion à
ppl-give-details-after = en privé. Le mot de passe n’est affiché qu’une fois ; il ne sert qu’une fois, pour choisir le sien.
ppl-initial-password = Mot de passe initial
ppl-log-in-with-before = La connexion se fait avec
ppl-log-in-with-after = et le mot de passe que vous avez défini.

ppl-admit-title = Admettre un membre
ppl-code-hint = Pour un État, son code ISO 3166-1 alpha-3 (BRA, KEN, CHN). Pour une organisation, un code court de 2 à 16 lettres, chiffres ou traits d’union (ICRC).
ppl-name-hint = (pour un État, laissez vide pour utiliser son nom court ISO)
ppl-category = Catégorie
ppl-category-hint = (organisations)
ppl-admit-member = Membre (vote et participe au consensus)
ppl-admit-observer = Observateur (prend la parole avec l’accord du président ; ne vote pas)
ppl-admit = Admettre

ppl-officers-title = Bureau
ppl-officers-heading = Bureau du forum
ppl-officers-lede = Le secrétariat gère le forum ; le président, les vice-présidents et les cofacilitateurs conduisent les négociations.
ppl-end-appointment-confirm = Mettre fin à la nomination de { $name } ? Cette décision est enregistrée et ne peut être annulée.
ppl-end-appointment = Mettre fin à la nomination
ppl-appoint-heading = Nommer un membre du Bureau
ppl-appoint = Nommer

ppl-reset-title = Réinitialisation du mot de passe
ppl-reset-before = Le mot de passe de
ppl-reset-after = ({ $id }) est réinitialisé : ses sessions ont pris fin, ses jetons d’API sont révoqués et les délais dus aux échecs de connexion sur son compte sont levés. Remettez-lui en privé ce mot de passe initial ; il n’est affiché que maintenant et ne sert qu’une fois, pour choisir le sien.
ppl-back-home = Retour à la page d’accueil
