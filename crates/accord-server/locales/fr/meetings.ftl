# Séances et décisions : sessions, une séance (présence, ordre du jour,
# orateurs, votes, consensus, le pupitre de la présidence), le compte rendu
# analytique, et le règlement et les décisions d'un processus.

meet-recorded = Enregistré. L'entrée figure au registre.
meet-nothing-changed = Rien n'a été modifié.

## Sessions et séances

meet-sessions-title = Sessions et séances
meet-sessions = Sessions
meet-no-session = Aucune session n'est encore ouverte.
meet-no-meeting = Aucune séance n'est prévue.
meet-col-meeting = Séance
meet-date = Date
meet-place = Lieu
meet-col-present = Présents
meet-col-links = Liens
meet-meeting-number = Séance { $number }
meet-summary-link = compte rendu analytique
meet-schedule-meeting = Prévoir une séance
meet-open-session = Ouvrir une session
meet-session-title = Titre
meet-session-title-example = Troisième session de fond
meet-open = Ouvrir

## Une séance

meet-summary-record = Compte rendu analytique
meet-you-hold-the-console = vous disposez du pupitre de la présidence
meet-status-open = La séance est { $state }.
meet-state-open = ouverte
meet-status-closed = La séance est { $state }.
meet-state-closed = levée
meet-status-scheduled = La séance n'est pas encore ouverte : la présidence l'ouvre dès que le quorum requis pour l'ouverture est atteint.
meet-attendance = Présence
meet-attendance-quorums =
    { $count ->
        [one] { $count } membre ayant le droit de vote est présent ; le quorum est de { $to_open } pour ouvrir la séance et de { $to_decide } pour décider.
       *[other] { $count } membres ayant le droit de vote sont présents ; le quorum est de { $to_open } pour ouvrir la séance et de { $to_decide } pour décider.
    }
meet-no-one-registered = Personne ne s'est encore inscrit.
meet-agenda = Ordre du jour
meet-agenda-empty = L'ordre du jour est vide.
meet-item-heading = Point { $label } — { $title }
meet-speaking-time =
    { $seconds ->
        [one] Temps de parole : { $seconds } seconde.
       *[other] Temps de parole : { $seconds } secondes.
    }
meet-note-point-of-order = (motion d'ordre)
meet-note-right-of-reply = (droit de réponse)
meet-has-the-floor = a la parole
meet-countdown =
    { $seconds ->
        [one] ({ $seconds } seconde à partir de { $given })
       *[other] ({ $seconds } secondes à partir de { $given })
    }
meet-countdown-left = (reste { $clock })
meet-countdown-over = (dépassement de { $clock })
meet-floor-waiting = en attente
meet-floor-spoke = a pris la parole
meet-floor-speaking = a la parole
meet-floor-withdrawn = retirée
meet-statement-file = déclaration
meet-no-one-asked = Personne n'a demandé la parole.
meet-votes-and-decisions = Votes et décisions
meet-vote-on = Vote { $id } sur { $label }
meet-vote-state-open = ({ $majority }, ouvert)
meet-vote-state-closed = ({ $majority }, clos)
meet-majority-simple = majorité simple
meet-majority-two-thirds = majorité des deux tiers
meet-tally-yes = Pour { $count }
meet-tally-no = Contre { $count }
meet-tally-abstaining = Abstentions { $count }
meet-tally-voting = présents et votants { $voting }, requis { $required }
meet-adopted = adopté
meet-not-adopted = non adopté
meet-your-vote = Votre délégation a voté { $choice }.
meet-your-vote-open = Votre délégation a voté { $choice } (vous pouvez modifier votre vote jusqu'à ce que la présidence clôture le vote).
meet-choice-yes = pour
meet-choice-no = contre
meet-choice-abstain = abstention
meet-consensus-on = Adoption de { $label } par consensus
meet-consensus-on-ad-referendum = Adoption de { $label } par consensus, ad referendum
meet-consensus-proposed = (proposée)
meet-no-objection = Aucune objection.
meet-objects = { $member } soulève une objection
meet-objects-reason = { $member } soulève une objection : { $reason }
meet-no-decision-put = Aucune décision n'a été soumise à cette séance.
meet-target-the-instrument = l'instrument
meet-target-in-process = { $target } (processus { $process })

## Les formulaires d'une délégation

meet-for-member = Pour { $member }
meet-register-present = Inscrire { $member } comme présent
meet-leave-confirm = Enregistrer que { $member } a quitté la séance ? Ce membre ne vote plus et ne peut plus soulever d'objection ici.
meet-leaves = { $member } quitte la séance
meet-item-label = Point { $label } :
meet-request-the-floor = demander la parole
meet-point-of-order = motion d'ordre
meet-right-of-reply = droit de réponse
meet-ask = Demander
meet-your-statement-on-item = Votre déclaration sur le point { $label }
meet-attach-statement = Joindre la déclaration
meet-withdraw-request = retirer ma demande { $number } sur le point { $label }
meet-observer = { $member } participe en qualité d'observateur (ou est suspendu) : il prend la parole lorsque la présidence la lui donne, mais ne vote pas et ne peut s'opposer au consensus.
meet-yes = Pour
meet-no = Contre
meet-abstain = Abstention
meet-vote-button = Voter
meet-object-reason-label = S'opposer à l'adoption de { $label } : motif
meet-object = S'opposer

## Le pupitre de la présidence

meet-chairs-console = Le pupitre de la présidence
meet-the-secretariat = Le secrétariat
meet-closed-nothing-more = La séance est levée : plus rien n'y est enregistré. Prévoyez une autre séance de la session pour poursuivre.
meet-new-agenda-item = Nouveau point de l'ordre du jour
meet-as-sub-item-of = comme sous-point de
meet-item-option = point { $label }
meet-add = Ajouter
meet-correct-attendance-member = Rectifier la présence : membre
meet-present-note = (présent)
meet-present-or-absent = présent ou absent
meet-present = présent
meet-absent = absent
meet-correct = Rectifier
meet-open-the-meeting = Ouvrir la séance
meet-close-meeting-confirm = Lever la séance { $number } ? Plus aucune décision n'y sera prise.
meet-close-the-meeting = Lever la séance
meet-next-speaker = Orateur suivant sur le point { $label }
meet-waiting-count =
    { $count ->
        [one] ({ $count } en attente)
       *[other] ({ $count } en attente)
    }
meet-speaking-time-label = Temps de parole sur le point { $label } (en secondes, vide pour aucune limite)
meet-set = Fixer
meet-close-vote-confirm = Clore le vote { $id } ? Le décompte fait foi.
meet-close-vote = Clore le vote { $id }
meet-declare-outcome = Proclamer le résultat sur { $label }
meet-put-a-question = Soumettre une question à la séance
meet-process = Processus
meet-on = Sur
meet-target-a-proposal = une proposition
meet-target-a-provision = une disposition
meet-target-the-whole-instrument = l'ensemble de l'instrument
meet-question-target-id = Numéro de la proposition (P-17) ou disposition (son eId, par exemple chp_1__art_5__para_2, indiqué sur la page de la disposition)
meet-majority-for-a-vote = Majorité, pour un vote
meet-majority-as-the-rules-say = selon le règlement (deux tiers pour une question importante)
meet-majority-option-simple = simple
meet-majority-option-two-thirds = deux tiers
meet-consensus-ad-referendum = consensus ad referendum
meet-propose-consensus = Proposer l'adoption par consensus
meet-open-recorded-vote = Ouvrir un vote enregistré
meet-questions-once-open = Les questions sont soumises, et les orateurs appelés, une fois la séance ouverte.

## Le compte rendu analytique

meet-summary-title = Compte rendu analytique de la séance { $number }
meet-print = Imprimer
meet-summary-quorum =
    { $count ->
        [one] { $count } membre ayant le droit de vote était présent (quorum pour décider : { $to_decide }).
       *[other] { $count } membres ayant le droit de vote étaient présents (quorum pour décider : { $to_decide }).
    }
meet-no-member-present = Aucun membre ne s'est inscrit comme présent.
meet-summary-opened-and-closed = La présidence a ouvert la séance ({ $opened }) et l'a levée ({ $closed }).
meet-summary-opened-still-open = La présidence a ouvert la séance ({ $opened }) ; elle est toujours ouverte.
meet-summary-not-opened = La séance n'a pas été ouverte.
meet-entry-hash = entrée nº { $number }
meet-no-one-spoke = Personne n'a pris la parole.
meet-no-text-attached = (aucun texte joint)
meet-decisions = Décisions
meet-no-decision-was-taken = Aucune décision n'a été prise.
meet-decision-number = Décision { $id }
meet-summary-decision = { $decision } ({ $method }) sur { $target }
meet-summary-target-proposal = proposition { $id }
meet-summary-target-provision = disposition { $id }
meet-summary-target-instrument = instrument
meet-version-adopted = , version { $version } adoptée
meet-on-version = , sur la version { $version }
meet-outcome-adopted = adopté
meet-outcome-agreed-ad-referendum = approuvé ad referendum
meet-outcome-not-adopted = non adopté
meet-method-consensus = consensus
meet-method-silence = procédure d'approbation tacite
meet-method-vote = vote
meet-summary-tally-votes = { $yes } voix pour, { $no } voix contre, { $abstaining } abstentions
meet-summary-tally-required = { $voting } présents et votants, { $required } requis
meet-recorded-vote = Vote enregistré
meet-col-member = Membre
meet-col-vote = Vote
meet-objected = { $member } a soulevé une objection
meet-objected-reason = { $member } a soulevé une objection : { $reason }
meet-explanation-before = Explication de vote avant le vote, par { $member } : { $text }
meet-explanation-after = Explication de vote après le vote, par { $member } : { $text }

## Le règlement et les décisions d'un processus

meet-rules-and-decisions = Règlement et décisions
meet-rules-of-procedure = Règlement intérieur
meet-rule-majority = Majorité
meet-rule-important-majority = Majorité pour les questions importantes
meet-rule-majority-simple = majorité simple des membres présents et votants
meet-rule-majority-two-thirds = deux tiers des membres présents et votants
meet-rule-abstentions = Abstentions
meet-rule-abstentions-not-counted = non comptées comme votes
meet-rule-abstentions-counted = comptées comme votes
meet-rule-meeting-quorum = Quorum pour ouvrir une séance
meet-rule-decision-quorum = Quorum pour décider
meet-rule-share = { $share } des membres ({ $needed } sur { $members })
meet-rule-share-more-than = plus de { $share } des membres ({ $needed } sur { $members })
meet-rule-silence = Procédure d'approbation tacite
meet-rule-silence-hours =
    { $hours ->
        [one] au moins { $hours } heure
       *[other] au moins { $hours } heures
    }
meet-rule-informal-agreement = Propositions approuvées ou rejetées
meet-rule-informal-agreement-yes = par la présidence lors de consultations officieuses, ou par une décision
meet-rule-informal-agreement-no = uniquement par une décision
meet-important-questions = Questions importantes
meet-no-important-question = Aucune question n'a été désignée comme importante : les votes se prennent à la majorité ordinaire.
meet-important-majority-applies = Les votes sur ces questions, et sur les amendements qui s'y rapportent, se prennent à la majorité requise pour les questions importantes.
meet-entry = entrée { $number }
meet-designate-as-important = Désigner comme importante
meet-target-a-provision-and-contents = une disposition (et ce qu'elle contient)
meet-eid-or-proposal-number = eId ou numéro de proposition
meet-designate = Désigner
meet-no-decision-taken = Aucune décision n'a été prise.
meet-confirm-capitals-agreed = Confirmer (accord des capitales)
meet-decision-where = { $target } (processus { $process })
meet-decision-where-on-version = { $target } (processus { $process }, sur la version { $version })
meet-decision-where-adopted = { $target } (processus { $process }, version { $version } adoptée)
meet-decision-head = Décision { $id } sur { $where }, par { $method }
meet-decision-outcome = { $decision } : { $outcome }
meet-decision-tally = { $yes } pour, { $no } contre, { $abstaining } abstentions
meet-decision-tally-required = { $votes } ; { $required } requis
meet-decision-line = { $decision } (entrée { $entry })
meet-decision-line-tally = { $decision } — { $tally } (entrée { $entry })
meet-silence-procedures = Procédures d'approbation tacite
meet-none = Aucune.
meet-silence-line = Procédure d'approbation tacite { $id } sur { $label }, délai { $deadline } :
meet-silence-running = en cours
meet-silence-broken-by = interrompue par { $member } ({ $reason })
meet-silence-concluded = achevée : adopté
meet-break-silence-reason = Rompre le silence : motif
meet-break-silence = Rompre le silence
meet-start-silence = Engager une procédure d'approbation tacite
meet-silence-target-id = Numéro de la proposition (P-17) ou eId de la disposition
meet-hours-until-deadline = Heures jusqu'à l'expiration du délai
meet-start = Engager
meet-taken-in-meetings = Les votes et le consensus ont lieu en { $meetings }.
meet-meetings-link = séance

## Le compte rendu analytique en Markdown

meet-md-quorum =
    { $count ->
        [one] { $count } membre ayant le droit de vote présent (quorum pour décider : { $to_decide }).
       *[other] { $count } membres ayant le droit de vote présents (quorum pour décider : { $to_decide }).
    }
meet-md-statement-in = déclaration dans { $file }
meet-md-none = aucun
