# La página de inicio de sesión y la página de la cuenta: clave de firma, contraseña, tokens de API.

acct-log-in = Iniciar sesión
acct-email = Correo electrónico
acct-password = Contraseña
acct-log-in-help = Los delegados reciben sus datos de acceso de la secretaría. ¿Ha perdido su contraseña? Pida a la secretaría que la restablezca.

acct-title = Su cuenta
acct-nothing-changed = No se ha cambiado nada.
acct-name = Nombre
acct-id = Identificador en el registro
acct-role = Función
acct-email-private = Correo electrónico (privado)

acct-key-heading = Clave de firma en este navegador
acct-key-intro =
    { $required ->
        [yes] { $member } puede exigir su firma en cada acción hecha en su nombre, y la exige.
       *[no] { $member } puede exigir su firma en cada acción hecha en su nombre.
    } Una clave creada aquí firma las acciones que usted realiza por { $member } en estas páginas: no se puede extraer de este navegador, ni siquiera este sitio; el servidor solo ve su clave pública, que { $head ->
        [yes] usted registra
       *[no] su jefe de delegación registra
    } como una de las claves de { $member }.
acct-key-script-before = Crear una clave en el navegador requiere JavaScript. Sin él, cree una clave con
acct-key-script-between = y firme cada acción con
acct-key-none = Este navegador no tiene ninguna clave de { $member }.
acct-key-create = Crear una clave de firma en este navegador
acct-key-public = Clave pública que se registrará para { $member }
acct-label = Etiqueta
acct-key-label-example = p. ej., portátil del jefe, navegador
acct-key-register = Registrar la clave para { $member }
acct-key-give-before = Entregue la clave pública a su jefe de delegación, que la registra en
acct-key-give-link = la página de { $member }
acct-key-give-after = .

acct-pw-heading = Cambiar su contraseña
acct-pw-current = Contraseña actual
acct-pw-new = Nueva contraseña
acct-pw-new-hint = (al menos 12 caracteres; una frase corta funciona bien)
acct-pw-confirm = Nueva contraseña, otra vez
acct-pw-logs-out = Cambiarla cierra la sesión en sus otros navegadores.
acct-pw-revoke-tokens = Revocar también todos mis tokens de API (las herramientas que los usan necesitarán uno nuevo)
acct-pw-change = Cambiar la contraseña

acct-tokens-heading = Tokens de API
acct-tokens-before = Un token permite que las propias herramientas de su delegación actúen por usted mediante la
acct-tokens-link = API JSON
acct-tokens-after = . Se muestra una sola vez y solo se guarda como hash.
acct-token-new = Su nuevo token — cópielo ahora, no se volverá a mostrar:
acct-created = Creado
acct-expires = Vence
acct-state = Estado
acct-token-revoked = revocado el { $time }
acct-revoke = Revocar
acct-token-label-example = p. ej., seguimiento de la delegación
acct-token-issue = Emitir un token
