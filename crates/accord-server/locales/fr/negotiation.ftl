# Les pages de la négociation : processus, texte évolutif, dispositions, propositions,
# versions et comparaisons.

neg-negotiations = Négociations
neg-nothing-changed = Rien n’a été modifié.

## La liste des processus

neg-processes-lede = Chaque processus est une négociation : son texte, les propositions visant à le modifier et les versions successives.
neg-processes-none = Aucun processus n’est encore ouvert.
neg-col-process = Processus
neg-col-version = Version
neg-col-open-proposals = Propositions en suspens
neg-col-brackets = Crochets
neg-col-options = Options
neg-processes-outdated =
    { $count ->
        [one] ({ $count } obsolète)
       *[other] ({ $count } obsolètes)
    }
neg-open-heading = Ouvrir un processus avec son avant-projet
neg-md-hint-start = Rédigez le projet en Markdown :
neg-md-hint-then = puis
neg-md-hint-recitals = avec un considérant par paragraphe,
neg-md-hint-paragraphs = des paragraphes numérotés
neg-md-hint-points = et des alinéas
neg-md-hint-end = chacun sur sa propre ligne. Un projet mal formé est refusé, avec sa ligne et le motif.
neg-open-title = Titre
neg-open-zero-draft = Avant-projet
neg-open-submit = Ouvrir le processus

## Versions et comparaisons

neg-versions = Versions
neg-versions-lede = Chaque version peut être lue ; deux versions quelconques peuvent être comparées mot à mot. Les crochets et les options de chaque version antérieure sont comptés tels qu’ils étaient lorsque la version suivante l’a remplacée.
neg-redline-from = Comparer de
neg-redline-to = à
neg-only-changed = seulement ce qui a changé
neg-compare = Comparer
neg-col-made-by = Établie par
neg-col-brackets-options = Crochets · options
neg-col-entry = Entrée
neg-col-when = Date
neg-col-links = Liens
neg-counts-now = (actuellement)
neg-counts-when-replaced = (lors du remplacement)
neg-read = lire
neg-redline = comparaison
neg-redline-in-word = comparaison en Word
neg-revision-heading = Publier une révision
neg-revision-named = La version { $version } porte déjà un nom. Convenez d’abord d’une modification.
neg-revision-name = Nom de la version { $version }
neg-revision-issue = Publier

## Une disposition

neg-version = Version { $version }
neg-version-lower = version { $version }
neg-zero-draft-name = Avant-projet
neg-provision-text = Le texte
neg-provision-select-hint = Sélectionnez des mots dans le texte ci-dessous pour proposer de les modifier.
neg-provision-keyboard-hint = Au clavier : Tab pour atteindre le texte, puis les touches fléchées avancent mot par mot et Maj avec une touche fléchée sélectionne.
neg-provision-with-proposals = Avec les propositions en suspens
neg-chapter-num = Chapitre { $num }
neg-article-num = Article { $num }
neg-chair-text-summary = Remplacer ce crochet par un texte du président
neg-chair-text-label = Texte du président à la place des options
neg-chair-text-submit = Présenter le texte du président
neg-propose-heading = Proposer une modification au nom de { $member }
neg-propose-change = La modification
neg-propose-replace-words = Remplacer des mots
neg-propose-insert-words = Insérer des mots
neg-propose-delete-words = Supprimer des mots
neg-propose-replace-provision =
    { $kind ->
        [recital] Remplacer tout le considérant
        [chapter] Remplacer tout le chapitre
        [article] Remplacer tout l’article
        [paragraph] Remplacer tout le paragraphe
       *[point] Remplacer tout l’alinéa
    }
neg-propose-replace-heading = Remplacer l’intitulé
neg-propose-insert-provision =
    { $kind ->
        [recital] Insérer un nouveau considérant à côté de celui-ci
        [chapter] Insérer un nouveau chapitre à côté de celui-ci
        [article] Insérer un nouvel article à côté de celui-ci
        [paragraph] Insérer un nouveau paragraphe à côté de celui-ci
       *[point] Insérer un nouvel alinéa à côté de celui-ci
    }
neg-propose-delete-provision =
    { $kind ->
        [recital] Supprimer ce considérant
        [chapter] Supprimer ce chapitre
        [article] Supprimer cet article
        [paragraph] Supprimer ce paragraphe
       *[point] Supprimer cet alinéa
    }
neg-propose-quote = Les mots, exactement tels qu’ils figurent dans le texte
neg-which-occurrence = Quelle occurrence
neg-propose-occurrence-hint = (si les mots figurent plusieurs fois : 1, 2, ...)
neg-propose-where = Où
neg-propose-after = après
neg-propose-before = avant
neg-propose-heading-label = Intitulé
neg-propose-heading-hint-article = (d’un nouvel article)
neg-propose-heading-hint-either =
    { $kind ->
        [recital] (d’un nouvel article, ou le nouvel intitulé de ce considérant)
        [chapter] (d’un nouvel article, ou le nouvel intitulé de ce chapitre)
        [article] (d’un nouvel article, ou le nouvel intitulé de cet article)
        [paragraph] (d’un nouvel article, ou le nouvel intitulé de ce paragraphe)
       *[point] (d’un nouvel article, ou le nouvel intitulé de cet alinéa)
    }
neg-propose-text = Les nouveaux mots
neg-propose-text-hint = (un nouvel article : ses paragraphes, numérotés 1., 2., ...)
neg-justification = Justification
neg-propose-submit = Présenter la proposition
neg-log-in = Connectez-vous
neg-log-in-to-propose = en tant que délégué d’un membre pour proposer une modification.
neg-only-members-table = Seuls les chefs de délégation et les délégués des membres ayant le statut de membre présentent des propositions ; les observateurs et les conseillers les suivent ici.
neg-proposals = Propositions
neg-no-proposal-here =
    { $kind ->
        [recital] Aucune proposition ne concerne ce considérant.
        [chapter] Aucune proposition ne concerne ce chapitre.
        [article] Aucune proposition ne concerne cet article.
        [paragraph] Aucune proposition ne concerne ce paragraphe.
       *[point] Aucune proposition ne concerne cet alinéa.
    }
neg-col-proposal = Proposition
neg-col-change = Modification
neg-col-behind = Soutenue par
neg-col-objecting = Objections
neg-col-status = Statut
neg-outdated = obsolète
neg-who-wrote = Qui a rédigé ce texte
neg-the-decision = la décision
neg-entry = entrée n° { $entry }
neg-history = Historique
neg-redline-from-zero = comparaison avec l’avant-projet

## Une proposition

neg-proposal-title = Proposition P-{ $id }
neg-proposal-by = de
neg-fact-kind = Nature
neg-fact-anchored = Fondée sur
neg-as-amendment = en tant qu’amendement (Akoma Ntoso)
neg-fact-tabled = Présentée
neg-tabled-by = par
neg-tabled-for = au nom de
neg-fact-cosponsors = Coauteurs
neg-fact-support = Appui
neg-fact-objections = Objections
neg-none = aucun
neg-fact-result = Résultat
neg-fact-decided = Décision
neg-agreed-informally = (approuvée par le président lors de consultations officieuses)
neg-fact-decisions = Décisions
neg-all-decisions = toutes les décisions
neg-receipt = Télécharger le reçu de l’entrée qui l’a présentée
neg-act-heading = Agir sur cette proposition
neg-act-support = Appuyer au nom de { $member }
neg-act-object = Objecter au nom de { $member }
neg-act-uncosponsor = Se retirer des coauteurs
neg-act-cosponsor = Se porter coauteur
neg-act-withdraw-confirm = Retirer P-{ $id } ? Ce retrait est consigné et ne peut être annulé.
neg-act-withdraw = Retirer
neg-act-provision-gone = La disposition qu’elle visait ne figure plus dans le texte : retirez-la et présentez une nouvelle proposition là où le texte l’exige désormais.
neg-act-words-changed = Les mots qu’elle citait ont changé. Ancrez-la de nouveau sur la dernière version :
neg-act-reanchor-quote = Les mots, tels qu’ils figurent désormais
neg-act-reanchor = Ancrer de nouveau
neg-act-provision-changed = Les mots de la disposition ont changé depuis la présentation de ce nouveau libellé. Lisez la disposition telle qu’elle figure désormais ; si le nouveau libellé doit toujours la remplacer, confirmez-le sur la dernière version :
neg-act-confirm = Confirmer sur la dernière version
neg-only-members-act = Seuls les chefs de délégation et les délégués des membres ayant le statut de membre appuient les propositions, y font objection ou s’en portent coauteurs ; les observateurs et les conseillers les suivent ici.
neg-act-by-decision = Selon les règles de ce processus, une proposition n’entre dans le texte, ou n’en sort, que par une décision : proposez son adoption par consensus ou mettez-la aux voix lors d’une
neg-act-meeting = séance
neg-act-or-start = , ou engagez une
neg-act-silence = procédure d’approbation tacite
neg-full-stop = .
neg-comma = {", "}
neg-colon = {"\u00A0: "}
neg-act-agree-confirm = Intégrer P-{ $id } au texte ? Une nouvelle version est établie.
neg-act-agree = Intégrer au texte (consultations officieuses)
neg-act-reject-confirm = Rejeter P-{ $id } ?
neg-act-reject = Rejeter
neg-log-in-to-act = pour appuyer, faire objection ou vous porter coauteur.

## Le texte évolutif

neg-clean-text-suffix = , texte propre
neg-rolling-of-version = Texte évolutif de la version { $version }
neg-proposals-of-suffix = , propositions de
neg-symbol-label = Cote du document :
neg-progress = Avancement
neg-fig-brackets-replaced = Crochets lors du remplacement
neg-fig-brackets-now = Crochets actuellement
neg-fig-options-replaced = Options lors du remplacement
neg-fig-options-now = Options actuellement
neg-fig-open-proposals-of = Propositions en suspens de
neg-views = Vues
neg-view-all = Tout
neg-view-clean = Texte propre
neg-view-versions = Versions et comparaisons
neg-view-decisions = Règles et décisions
neg-markdown-of-version = Markdown de la version { $version }
neg-akn-of-version = Akoma Ntoso de la version { $version }
neg-word-of-version = Word de la version { $version }
neg-rolling-akn = Texte évolutif en Akoma Ntoso
neg-rolling-word-footnotes = Texte évolutif en Word (membres en notes de bas de page)
neg-rolling-word-inline = Texte évolutif en Word (membres dans le texte)
neg-compilation-word = Compilation des propositions en Word
neg-print = Imprimer
neg-filter-member = Seulement les propositions de
neg-filter-every-member = tous les membres
neg-filter-my-delegation = { $member } (ma délégation)
neg-filter-show = Afficher
neg-outdated-banner = Propositions obsolètes (le texte qu’elles citent a changé ; leurs auteurs les ancrent de nouveau) :
neg-symbol = Cote du document
neg-symbol-none = Le processus n’a pas encore de cote.
neg-symbol-issued-as = Le processus est publié sous la cote
neg-symbol-revisions = Les révisions nommées sont publiées sous la cote suivie de /Rev.1, /Rev.2…
neg-symbol-set = Attribuer la cote
neg-text = Texte
neg-new-article-in = nouvel article proposé dans
neg-new-in = nouveau, proposé dans
neg-provision-link = { $provision } : propositions, historique et auteurs du texte
neg-provision-counts =
    { $brackets ->
        [one] { $brackets } crochet
       *[other] { $brackets } crochets
    }, { $options ->
        [one] { $options } option
       *[other] { $options } options
    }
neg-propose = proposer
neg-redline-title = Comparaison { $from } → { $to }
neg-redline-heading = Comparaison de la version { $from } à la version { $to }
neg-redline-changed =
    { $count ->
        [one] { $count } disposition modifiée
       *[other] { $count } dispositions modifiées
    }
neg-redline-inserted = Les mots insérés
neg-redline-and = et
neg-redline-deleted = les mots supprimés
neg-redline-marked = sont signalés.
neg-redline-word = Télécharger en Word, avec les modifications suivies à accepter ou à refuser
neg-from = De
neg-redline-new = (nouveau)
neg-redline-deleted-provision = (supprimé)

## Les mots que les pages composent

neg-option-original = original
neg-summary-insert-words =
    { $position ->
        [before] insérer « { $text } » avant « { $quote } »
       *[after] insérer « { $text } » après « { $quote } »
    }
neg-summary-replace-words = remplacer « { $quote } » par « { $text } »
neg-summary-delete-words = supprimer « { $quote } »
neg-summary-insert-provision =
    { $position ->
        [before] insérer avant { $provision } : « { $text } »
       *[after] insérer après { $provision } : « { $text } »
    }
neg-summary-replace-provision = remplacer la disposition par « { $text } »
neg-summary-replace-heading = remplacer l’intitulé de { $provision } par « { $heading } »
neg-summary-delete-provision = supprimer { $provision }
neg-kind-replace-words = remplacer des mots
neg-kind-insert-words = insérer des mots
neg-kind-delete-words = supprimer des mots
neg-kind-replace-provision = remplacer la disposition
neg-kind-insert-provision = insérer une disposition
neg-kind-delete-provision = supprimer la disposition
neg-kind-replace-heading = remplacer l’intitulé
neg-status-tabled = présentée
neg-status-withdrawn = retirée
neg-status-merged = fusionnée
neg-status-agreed = approuvée
neg-status-rejected = rejetée
neg-label-recital = considérant { $num }
neg-label-chapter = chapitre { $num }
neg-label-article = article { $num }
neg-label-paragraph = paragraphe { $num }
neg-label-point = alinéa { $num })
neg-label-separator = {", "}
neg-origin-zero-draft = avant-projet
neg-origin-chair-text = texte du président
neg-origin-by = P-{ $proposal } de { $member }
neg-origin-adopted =
    { $method ->
        [consensus] { $by }, adoptée par la décision { $decision } (consensus)
        [silence] { $by }, adoptée par la décision { $decision } (approbation tacite)
       *[vote] { $by }, adoptée par la décision { $decision } (vote)
    }
neg-origin-agreed = { $by }, approuvée par le président lors de consultations officieuses
neg-cause-zero-draft = avant-projet
neg-cause-chair-text = texte du président
neg-cause-agreed = P-{ $proposal } approuvée
neg-cause-confirmed = décision { $decision } confirmée
neg-cause-adopted =
    { $method ->
        [consensus] décision { $decision } : adoptée par consensus
        [silence] décision { $decision } : adoptée selon la procédure d’approbation tacite
       *[vote] décision { $decision } : adoptée par vote
    }
neg-cause-not-adopted = décision { $decision } : non adoptée par vote
neg-cited-statement = Tiré de la déclaration { $statement } de la consultation { $consultation } (« { $text } », /consultations/{ $consultation }).

## Une décision sur une proposition, en une ligne

neg-decision-instrument = l’instrument
neg-decision-process = processus { $process }
neg-decision-process-on-version = processus { $process }, sur la version { $version }
neg-decision-process-adopted-version = processus { $process }, version { $version } adoptée
neg-decision-subject = Décision { $id }, objet : { $target } ({ $process })
neg-outcome-adopted = adoptée
neg-outcome-not-adopted = non adoptée
neg-outcome-agreed-ad-referendum = approuvée ad referendum
neg-decision-tally = — { $yes } pour, { $no } contre, { $abstain } abstentions
neg-decision-required = ; { $required } requises
neg-decision-line =
    { $method ->
        [consensus] { $subject }, par consensus : { $outcome }
        [silence] { $subject }, selon la procédure d’approbation tacite : { $outcome }
       *[vote] { $subject }, par vote : { $outcome }
    }
neg-decision-entry = { $line } (entrée { $entry })
neg-papers = Documents de séance
neg-papers-lede = Le secrétariat publie le texte évolutif ou la compilation des propositions comme document de séance sous une cote propre ; le document reste tel qu’il a été publié, quoi qu’il change ensuite.
neg-papers-none = Aucun document de séance n’a été publié.
neg-paper-col-kind = Document
neg-paper-current = (le texte actuel)
neg-paper-kind-rolling_text = Texte évolutif
neg-paper-kind-compilation = Compilation des propositions
neg-paper-issue = Publier comme document de séance (version { $version })
