# Las páginas de los miembros y de la Mesa: la lista, la admisión, la página de un miembro
# (delegación, claves de firma, acreditación, condición), la Mesa, el restablecimiento de una contraseña.

ppl-members-title = Miembros
ppl-members-heading = Miembros y observadores
ppl-breadcrumb = Miembros
ppl-admit-heading = Admitir a un miembro u observador
ppl-kind = Tipo
ppl-status = Condición
ppl-code = Código
ppl-name = Nombre
ppl-role = Función
ppl-id = Identificador
ppl-email = Correo electrónico
ppl-label = Etiqueta
ppl-actions = Acciones
ppl-of = de
ppl-filter-all = Todos
ppl-filter-states = Estados
ppl-filter-organisations = Organizaciones
ppl-filter-members = Miembros
ppl-filter-observers = Observadores
ppl-filter-q = Nombre o código
ppl-filter = Filtrar
ppl-shown = Se muestran { $shown } de { $total }
ppl-tag-suspended = suspendido
ppl-no-match = Ningún miembro coincide con este filtro.
ppl-nothing-changed = No se ha cambiado nada.

ppl-kind-state = Estado
ppl-kind-organisation = Organización
ppl-status-member = miembro
ppl-status-observer = observador
ppl-category-intergovernmental_organisation = Organización intergubernamental
ppl-category-ngo = Organización no gubernamental
ppl-category-private_sector = Sector privado
ppl-category-academia = Sector académico
ppl-category-technical_community = Comunidad técnica
ppl-category-individual = Particular

ppl-suspended = Suspendido
ppl-no-reason = sin motivo indicado
ppl-admitted-by = Admitido por
ppl-entry = la entrada n.º { $index }
ppl-signatures = Firmas
ppl-sig-required = exigidas
ppl-sig-required-since = en cada acción hecha en su nombre, desde
ppl-sig-required-keys =
    { $count ->
        [one] ({ $count } clave de firma activa): el anfitrión no puede registrar ninguna acción de { $code } que su delegación no haya firmado
       *[other] ({ $count } claves de firma activas): el anfitrión no puede registrar ninguna acción de { $code } que su delegación no haya firmado
    }
ppl-sig-no-key = ninguna clave de firma registrada; las acciones se registran sin firma
ppl-sig-optional =
    { $count ->
        [one] { $count } clave de firma activa; se siguen aceptando acciones sin firma
       *[other] { $count } claves de firma activas; se siguen aceptando acciones sin firma
    }
ppl-delegation = Delegación
ppl-no-delegate = No hay ningún delegado acreditado.
ppl-withdraw-confirm = ¿Retirar la acreditación de { $name }? Esto queda registrado y no se puede deshacer.
ppl-withdraw = Retirar la acreditación
ppl-reset-confirm = ¿Restablecer la contraseña de { $name }? Sus sesiones terminan y sus tokens de API quedan revocados.
ppl-reset = Restablecer la contraseña
ppl-keys = Claves de firma
ppl-keys-intro = La delegación de { $code } firma las acciones hechas en su nombre con estas claves Ed25519, en sus propias máquinas o en sus navegadores; el anfitrión nunca las tiene. Quien reproduzca el registro verifica cada firma.
ppl-no-key = No hay ninguna clave registrada.
ppl-key = Clave
ppl-registered = Registrada
ppl-state = Estado
ppl-key-revoked-by = revocada por
ppl-key-active = activa
ppl-key-revoke-confirm = ¿Revocar la clave { $key }? A partir de ahora se rechazarán las acciones firmadas con ella.
ppl-revoke = Revocar
ppl-key-named = la clave { $key }
ppl-key-public = Clave pública que se registrará
ppl-key-public-before = (base64, 32 bytes: creada en un navegador en su
ppl-key-public-link = página de cuenta
ppl-key-public-after = , o con
ppl-key-label-example = p. ej., portátil del jefe, navegador
ppl-key-register = Registrar la clave
ppl-require-confirm = ¿Exigir a partir de ahora la firma de { $code } en cada acción hecha en su nombre? Esto queda registrado y no se puede deshacer.
ppl-require-text = A partir de esta declaración, toda acción hecha en nombre de { $code } debe llevar la firma de una de sus claves; de lo contrario, se rechaza. La propia declaración va firmada: con una clave registrada guardada en este navegador, o con
ppl-require = Exigir la firma de { $code } en cada acción
ppl-accredit-heading = Acreditar a un delegado
ppl-accredit-intro = El registro muestra el nombre y la función; la dirección de correo electrónico sigue siendo privada.
ppl-already-accredited = (ya acreditado)
ppl-password = Contraseña
ppl-password-optional = (opcional; déjela en blanco para obtener una contraseña inicial de un solo uso)
ppl-accredit = Acreditar
ppl-to-observer = Cambiar a observador
ppl-to-member = Cambiar a miembro
ppl-reinstate = Poner fin a la suspensión
ppl-suspend-reason = Motivo de la suspensión (se registra públicamente)
ppl-suspend = Suspender a { $code }

ppl-accredited = ({ $id }) queda acreditado. La entrada figura en el registro.
ppl-give-details-before = Entregue estos datos de acceso a
ppl-give-details-after = en privado. La contraseña solo se muestra ahora; sirve una sola vez, para elegir la suya.
ppl-initial-password = Contraseña inicial
ppl-log-in-with-before = Inicia sesión con
ppl-log-in-with-after = y la contraseña que usted estableció.

ppl-admit-title = Admitir a un miembro
ppl-code-hint = Para un Estado, su código ISO 3166-1 alfa-3 (BRA, KEN, CHN). Para una organización, un código corto de 2 a 16 letras, cifras o guiones (ICRC).
ppl-name-hint = (para un Estado, déjelo en blanco para usar su nombre corto ISO)
ppl-category = Categoría
ppl-category-hint = (organizaciones)
ppl-admit-member = Miembro (vota y participa en el consenso)
ppl-admit-observer = Observador (hace uso de la palabra cuando la Presidencia lo permite; no vota)
ppl-admit = Admitir

ppl-officers-title = Mesa
ppl-officers-heading = Mesa del foro
ppl-officers-lede = La secretaría gestiona el foro; la Presidencia, las vicepresidencias y los cofacilitadores dirigen las negociaciones.
ppl-end-appointment-confirm = ¿Poner fin al nombramiento de { $name }? Esto queda registrado y no se puede deshacer.
ppl-end-appointment = Poner fin al nombramiento
ppl-appoint-heading = Nombrar a un miembro de la Mesa
ppl-appoint = Nombrar

ppl-reset-title = Restablecimiento de contraseña
ppl-reset-before = La contraseña de
ppl-reset-after = ({ $id }) queda restablecida: sus sesiones han terminado, sus tokens de API están revocados y se han suprimido las esperas por inicios de sesión fallidos en su cuenta. Entréguele en privado esta contraseña inicial; solo se muestra ahora y sirve una sola vez, para elegir la suya.
ppl-back-home = Volver a la página de inicio
