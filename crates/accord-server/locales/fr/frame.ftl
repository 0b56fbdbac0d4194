# Le cadre de chaque page : en-tête, navigation, choix de la langue, bandeaux, pied de page.

skip-to-content = Aller au contenu principal
nav-main = Principal
nav-home = Accueil
nav-negotiations = Négociations
nav-meetings = Séances
nav-consultations = Consultations
nav-members = Membres
nav-officers = Bureau
nav-record = Registre
log-out = Se déconnecter
log-in = Se connecter
language-switcher = Langue
banner-initial-password = Vous utilisez un mot de passe initial.
banner-choose-password = Choisissez votre propre mot de passe pour continuer.
signing-required = { $member } exige sa signature sur chaque action faite en son nom. Ce navigateur n’a pas de clé de signature de { $member }, ou son JavaScript est désactivé : ces pages ne peuvent donc pas agir pour { $member } :
signing-create-key = créez une clé dans ce navigateur sur la page de votre compte
signing-or-submit = (votre chef de délégation l’enregistre), ou signez avec
footer-record-size =
    { $count ->
        [one] le registre compte { $size } entrée
       *[other] le registre compte { $size } entrées
    }
footer-read-it = le consulter

role-head_of_delegation = Chef de délégation
role-delegate = Délégué
role-adviser = Conseiller
role-secretariat = Secrétariat
role-chair = Président
role-vice_chair = Vice-président
role-co_facilitator = Cofacilitateur
role-translator = Traducteur
language-unknown = « { $lang } » n’est pas une langue de cette interface : choisissez l’anglais, l’arabe, le chinois, l’espagnol, le français ou le russe
