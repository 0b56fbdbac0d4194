# La page de connexion et la page du compte : clé de signature, mot de passe, jetons d’API.

acct-log-in = Se connecter
acct-email = Courriel
acct-password = Mot de passe
acct-log-in-help = Les délégués reçoivent leurs informations de connexion du secrétariat. Mot de passe perdu ? Demandez au secrétariat de le réinitialiser.

acct-title = Votre compte
acct-nothing-changed = Rien n’a été modifié.
acct-name = Nom
acct-id = Identifiant au registre
acct-role = Fonction
acct-email-private = Courriel (privé)

acct-key-heading = Clé de signature dans ce navigateur
acct-key-intro =
    { $required ->
        [yes] { $member } peut exiger sa signature pour chaque action faite en son nom, et l’exige.
       *[no] { $member } peut exiger sa signature pour chaque action faite en son nom.
    } Une clé créée ici signe les actions que vous faites pour { $member } sur ces pages : elle ne peut être extraite de ce navigateur, pas même par ce site ; le serveur ne voit que sa clé publique, { $head ->
        [yes] que vous enregistrez
       *[no] que votre chef de délégation enregistre
    } comme l’une des clés de { $member }.
acct-key-script-before = La création d’une clé dans le navigateur nécessite JavaScript. Sans lui, créez une clé avec
acct-key-script-between = et signez chaque action avec
acct-key-none = Ce navigateur ne détient aucune clé de { $member }.
acct-key-create = Créer une clé de signature dans ce navigateur
acct-key-public = Clé publique à enregistrer pour { $member }
acct-label = Libellé
acct-key-label-example = p. ex. ordinateur portable du chef, navigateur
acct-key-register = Enregistrer la clé pour { $member }
acct-key-give-before = Remettez la clé publique à votre chef de délégation, qui l’enregistre sur
acct-key-give-link = la page de { $member }
acct-key-give-after = .

acct-pw-heading = Changer de mot de passe
acct-pw-current = Mot de passe actuel
acct-pw-new = Nouveau mot de passe
acct-pw-new-hint = (au moins 12 caractères ; une courte phrase convient bien)
acct-pw-confirm = Nouveau mot de passe, à nouveau
acct-pw-logs-out = Le changer déconnecte vos autres navigateurs.
acct-pw-revoke-tokens = Révoquer aussi tous mes jetons d’API (les outils qui les utilisent en auront besoin d’un nouveau)
acct-pw-change = Changer le mot de passe

acct-tokens-heading = Jetons d’API
acct-tokens-before = Un jeton permet aux propres outils de votre délégation d’agir pour vous au moyen de
acct-tokens-link = l’API JSON
acct-tokens-after = . Il n’est affiché qu’une fois et n’est conservé que sous forme d’empreinte.
acct-token-new = Votre nouveau jeton — copiez-le maintenant, il ne sera plus affiché :
acct-created = Créé
acct-expires = Expire
acct-state = État
acct-token-revoked = révoqué le { $time }
acct-revoke = Révoquer
acct-token-label-example = p. ex. suivi de la délégation
acct-token-issue = Émettre un jeton
