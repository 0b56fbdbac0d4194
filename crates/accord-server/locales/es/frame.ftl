# El marco de cada página: encabezado, navegación, selector de idioma, avisos, pie de página.

skip-to-content = Ir al contenido principal
nav-main = Principal
nav-home = Inicio
nav-negotiations = Negociaciones
nav-meetings = Sesiones
nav-consultations = Consultas
nav-members = Miembros
nav-officers = Mesa
nav-record = Registro
log-out = Cerrar sesión
log-in = Iniciar sesión
language-switcher = Idioma
banner-initial-password = Está usando una contraseña inicial.
banner-choose-password = Elija su propia contraseña para continuar.
signing-required = { $member } exige su firma en cada acción hecha en su nombre. Este navegador no tiene ninguna clave de firma de { $member }, o su JavaScript está desactivado, así que estas páginas no pueden actuar por { $member }:
signing-create-key = cree una clave en este navegador en la página de su cuenta
signing-or-submit = (su jefe de delegación la registra), o firme con
footer-record-size =
    { $count ->
        [one] el registro contiene { $size } entrada
       *[other] el registro contiene { $size } entradas
    }
footer-read-it = consultarlo

role-head_of_delegation = Jefe de delegación
role-delegate = Delegado
role-adviser = Asesor
role-secretariat = Secretaría
role-chair = Presidencia
role-vice_chair = Vicepresidencia
role-co_facilitator = Cofacilitador
role-translator = Traductor
language-unknown = «{ $lang }» no es un idioma de esta interfaz: elija árabe, chino, español, francés, inglés o ruso
