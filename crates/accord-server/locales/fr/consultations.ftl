# Consultations : la liste, une consultation (participation, résultats,
# déclarations, formulaires du secrétariat), la modération et la carte des opinions.

cons-nothing-changed = Rien n'a été modifié.

## La liste

cons-title = Consultations
cons-intro = Chacun peut prendre part à une consultation ouverte : délégations, organisations et membres du public se prononcent pour, contre ou s'abstiennent sur de courtes déclarations, et peuvent ajouter les leurs. Les participants figurent au registre sous un pseudonyme, jamais sous leur nom.
cons-none-open = Aucune consultation n'est encore ouverte.
cons-col-consultation = Consultation
cons-col-status = Statut
cons-col-participants = Participants
cons-col-statements = Déclarations
cons-col-on = Sur
cons-status-open = ouverte
cons-status-closed = close
cons-process-lower = processus { $id }
cons-open-a-consultation = Ouvrir une consultation
cons-field-title = Titre
cons-field-question = Question posée aux participants
cons-field-process = Sur le texte de
cons-no-process = aucun processus
cons-process-number = Processus { $id }
cons-field-provisions = Dispositions (eIds, séparés par des virgules ; vide : l'ensemble du texte)
cons-open = Ouvrir

## Avis après une action

cons-notice-opened = La consultation est ouverte. Alimentez-la ci-dessous avec des déclarations.
cons-notice-joined = Vous participez. Prononcez-vous sur les déclarations une à une.
cons-notice-key = Ce navigateur utilise désormais votre clé de participant.
cons-notice-voted = Votre vote est enregistré.
cons-notice-written = Votre déclaration est enregistrée ; elle sera affichée une fois acceptée par le secrétariat.
cons-notice-seeded = La déclaration est ajoutée.
cons-notice-closed = La consultation est close.
cons-notice-published = L'analyse est publiée dans le registre.

## Une consultation

cons-consultation-number = Consultation { $id }
cons-participants-count =
    { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
cons-on-process = sur { $process }
cons-take-part = Participer
cons-this-is-closed = Cette consultation est close.
cons-officers-do-not-take-part = Le bureau du forum conduit les consultations et n'y participe pas.
cons-you-take-part-as = Vous participez en tant que participant { $participant }.
cons-next-statement =
    { $remaining ->
        [one] Déclaration { $id } ({ $remaining } restante) :
       *[other] Déclaration { $id } ({ $remaining } restantes) :
    }
cons-agree = D'accord
cons-disagree = Pas d'accord
cons-pass-unsure = Passer / incertain
cons-voted-on-every-statement = Vous vous êtes prononcé sur toutes les déclarations affichées. Revenez plus tard pour en voir de nouvelles, ou ajoutez la vôtre.
cons-add-a-statement = Ajouter une déclaration (un point bref avec lequel d'autres peuvent être d'accord ou non)
cons-submit-for-moderation = Soumettre à la modération
cons-your-participant-key = Votre clé de participant (pour participer depuis un autre appareil)
cons-keep-key-private = Gardez cette clé secrète : quiconque la détient vote en votre nom.
cons-you-take-part-as-delegation = Vous participez en tant que délégation ; le registre indique un pseudonyme, jamais votre nom.
cons-join = Participer à cette consultation
cons-i-take-part-as = Je participe en tant que
cons-no-name-asked = Ni nom ni adresse ne sont demandés : le registre indique un pseudonyme et la catégorie choisie. Ce navigateur conserve une clé qui vous permet de voter ; les délégués, eux, se connectent.
cons-i-have-a-key = J'ai déjà une clé de participant
cons-participant-key = Clé de participant
cons-use-this-key = Utiliser cette clé dans ce navigateur
cons-category-delegation = délégation d'un membre
cons-category-intergovernmental-organisation = organisation intergouvernementale
cons-category-ngo = organisation non gouvernementale
cons-category-private-sector = secteur privé
cons-category-academia = milieux universitaires et de la recherche
cons-category-technical-community = communauté technique
cons-category-public = membre du public

## Les résultats

cons-what-participants-think = Ce que pensent les participants
cons-computed-at = Calculé pour une taille du registre de { $size }
cons-participants-counted =
    { $count ->
        [one] { $count } participant pris en compte
       *[other] { $count } participants pris en compte
    }
cons-digest = empreinte { $digest }
cons-analysis-as-json = l'analyse en JSON
cons-map-alt =
    { $count ->
        [one] Carte des opinions : { $count } participant pris en compte dans { $groups } groupes d'opinion, décrits dans les tableaux ci-dessous
       *[other] Carte des opinions : { $count } participants pris en compte dans { $groups } groupes d'opinion, décrits dans les tableaux ci-dessous
    }
cons-group-heading =
    { $size ->
        [one] Groupe { $number } ({ $size } participant)
       *[other] Groupe { $number } ({ $size } participants)
    }
cons-nothing-sets-group-apart = Aucune déclaration ne distingue encore ce groupe.
cons-sets-group-apart-caption = Déclarations qui distinguent le groupe { $number }
cons-col-statement = Déclaration
cons-col-the-group = Le groupe
cons-col-share = Part
cons-group-agrees = est d'accord
cons-group-disagrees = n'est pas d'accord
cons-common-ground = Terrain d'entente entre les groupes
cons-no-common-ground = Aucune déclaration ne recueille encore l'appui de la majorité de chaque groupe.
cons-col-group-informed-consensus = Consensus tenant compte des groupes
cons-bridging-statements = Déclarations fédératrices
cons-no-bridging = Aucune déclaration ne rapproche encore les groupes.
cons-col-bridging-score = Score de rapprochement

## Les déclarations

cons-statements-heading = Déclarations ({ $count })
cons-no-statement-yet = Aucune déclaration pour l'instant.
cons-col-agree = D'accord
cons-col-disagree = Pas d'accord
cons-col-pass = Passé
cons-from-proposal = issue de P-{ $proposal }
cons-propose-citing = Proposer une modification citant la déclaration
cons-cite-on = sur
cons-go-to-provision = Aller à la disposition
cons-published-analyses = Analyses publiées dans le registre
cons-anyone-recomputes = Chacun peut les recalculer à partir du registre avec { $command }.
cons-published-line = { $entry } : pour une taille du registre de { $size }, empreinte { $digest }
cons-entry = Entrée { $number }

## Le secrétariat

cons-secretariat = Secrétariat
cons-moderate-statements = Modérer les déclarations
cons-waiting-count = ({ $count } en attente)
cons-seed-a-statement = Ajouter une déclaration (affichée immédiatement)
cons-drawn-from-proposal = Tirée de la proposition (facultatif, par exemple P-3)
cons-add-the-statement = Ajouter la déclaration
cons-publish-analysis = Publier cette analyse dans le registre
cons-close-confirm = Clore cette consultation ? Personne ne pourra plus y écrire ni y voter.
cons-close-the-consultation = Clore la consultation

## La modération

cons-moderation = Modération
cons-waiting-heading = En attente ({ $count })
cons-none-waiting = Aucune déclaration n'est en attente.
cons-statement-number = Déclaration { $id }
cons-accept-statement = Accepter la déclaration { $id }
cons-reject-statement = Rejeter la déclaration { $id }
cons-decided = Tranchées
cons-col-text = Texte
cons-col-change = Modifier
cons-seed-note = (initiale)
cons-moderation-pending = en attente
cons-moderation-accepted = acceptée
cons-moderation-rejected = rejetée
cons-text-not-on-this-server = (le texte, dont l'empreinte SHA-256 est { $sha256 }, n'est pas sur ce serveur)

## La carte des opinions (SVG)

cons-map-title = Carte des opinions de la consultation { $id }
cons-map-no-groups-desc = Pas encore de groupes d'opinion : trop peu de votes.
cons-map-no-groups = Pas encore de groupes d'opinion : il faut davantage de votes
cons-map-desc =
    { $count ->
        [one] { $count } participant pris en compte dans { $groups } groupes d'opinion : { $sizes }.
       *[other] { $count } participants pris en compte dans { $groups } groupes d'opinion : { $sizes }.
    }
cons-map-group-size = groupe { $number } de { $size }
cons-map-list-separator = {", "}
cons-map-group-label = Groupe { $number } ({ $size })
