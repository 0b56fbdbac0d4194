# Las páginas de la negociación: procesos, texto renovable, disposiciones, propuestas,
# versiones y comparaciones.

neg-negotiations = Negociaciones
neg-nothing-changed = No se modificó nada.

## La lista de procesos

neg-processes-lede = Cada proceso es una negociación: su texto, las propuestas para modificarlo y las versiones por las que ha pasado.
neg-processes-none = Aún no hay ningún proceso abierto.
neg-col-process = Proceso
neg-col-version = Versión
neg-col-open-proposals = Propuestas pendientes
neg-col-brackets = Corchetes
neg-col-options = Opciones
neg-processes-outdated =
    { $count ->
        [one] ({ $count } desactualizada)
       *[other] ({ $count } desactualizadas)
    }
neg-open-heading = Abrir un proceso con su borrador cero
neg-md-hint-start = Redacte el borrador en Markdown:
neg-md-hint-then = luego
neg-md-hint-recitals = con un considerando por párrafo,
neg-md-hint-paragraphs = párrafos numerados
neg-md-hint-points = y apartados
neg-md-hint-end = cada uno en su propia línea. Un borrador mal formado se rechaza, indicando la línea y el motivo.
neg-open-title = Título
neg-open-zero-draft = Borrador cero
neg-open-submit = Abrir el proceso

## Versiones y comparaciones

neg-versions = Versiones
neg-versions-lede = Cada versión puede leerse; dos versiones cualesquiera pueden compararse palabra por palabra. Los corchetes y las opciones de cada versión anterior se cuentan tal como estaban cuando la versión siguiente la sustituyó.
neg-redline-from = Comparar desde
neg-redline-to = hasta
neg-only-changed = solo lo que cambió
neg-compare = Comparar
neg-col-made-by = Origen
neg-col-brackets-options = Corchetes · opciones
neg-col-entry = Entrada
neg-col-when = Fecha
neg-col-links = Enlaces
neg-counts-now = (ahora)
neg-counts-when-replaced = (al ser sustituida)
neg-read = leer
neg-redline = comparación
neg-redline-in-word = comparación en Word
neg-revision-heading = Publicar una revisión
neg-revision-named = La versión { $version } ya tiene nombre. Primero debe acordarse una modificación.
neg-revision-name = Nombre de la versión { $version }
neg-revision-issue = Publicar

## Una disposición

neg-version = Versión { $version }
neg-version-lower = versión { $version }
neg-zero-draft-name = Borrador cero
neg-provision-text = El texto
neg-provision-select-hint = Seleccione palabras del texto siguiente para proponer una modificación.
neg-provision-keyboard-hint = Con el teclado: Tab para llegar al texto; luego las teclas de flecha avanzan palabra por palabra y Mayús con una tecla de flecha selecciona.
neg-provision-with-proposals = Con las propuestas pendientes
neg-chapter-num = Capítulo { $num }
neg-article-num = Artículo { $num }
neg-chair-text-summary = Sustituir este corchete por un texto de la Presidencia
neg-chair-text-label = Texto de la Presidencia en lugar de las opciones
neg-chair-text-submit = Presentar el texto de la Presidencia
neg-propose-heading = Proponer una modificación en nombre de { $member }
neg-propose-change = La modificación
neg-propose-replace-words = Sustituir palabras
neg-propose-insert-words = Insertar palabras
neg-propose-delete-words = Suprimir palabras
neg-propose-replace-provision =
    { $kind ->
        [recital] Sustituir todo el considerando
        [chapter] Sustituir todo el capítulo
        [article] Sustituir todo el artículo
        [paragraph] Sustituir todo el párrafo
       *[point] Sustituir todo el apartado
    }
neg-propose-replace-heading = Sustituir el epígrafe
neg-propose-insert-provision =
    { $kind ->
        [recital] Insertar un nuevo considerando junto a este
        [chapter] Insertar un nuevo capítulo junto a este
        [article] Insertar un nuevo artículo junto a este
        [paragraph] Insertar un nuevo párrafo junto a este
       *[point] Insertar un nuevo apartado junto a este
    }
neg-propose-delete-provision =
    { $kind ->
        [recital] Suprimir este considerando
        [chapter] Suprimir este capítulo
        [article] Suprimir este artículo
        [paragraph] Suprimir este párrafo
       *[point] Suprimir este apartado
    }
neg-propose-quote = Las palabras, exactamente como figuran en el texto
neg-which-occurrence = Qué aparición
neg-propose-occurrence-hint = (si las palabras aparecen más de una vez: 1, 2, ...)
neg-propose-where = Dónde
neg-propose-after = después
neg-propose-before = antes
neg-propose-heading-label = Epígrafe
neg-propose-heading-hint-article = (de un nuevo artículo)
neg-propose-heading-hint-either =
    { $kind ->
        [recital] (de un nuevo artículo, o el nuevo epígrafe de este considerando)
        [chapter] (de un nuevo artículo, o el nuevo epígrafe de este capítulo)
        [article] (de un nuevo artículo, o el nuevo epígrafe de este artículo)
        [paragraph] (de un nuevo artículo, o el nuevo epígrafe de este párrafo)
       *[point] (de un nuevo artículo, o el nuevo epígrafe de este apartado)
    }
neg-propose-text = Las nuevas palabras
neg-propose-text-hint = (un nuevo artículo: sus párrafos, numerados 1., 2., ...)
neg-justification = Justificación
neg-propose-submit = Presentar la propuesta
neg-log-in = Inicie sesión
neg-log-in-to-propose = como delegado de un miembro para proponer una modificación.
neg-only-members-table = Solo los jefes de delegación y los delegados de los miembros con la condición de miembro presentan propuestas; los observadores y los asesores las siguen aquí.
neg-proposals = Propuestas
neg-no-proposal-here =
    { $kind ->
        [recital] Ninguna propuesta se refiere a este considerando.
        [chapter] Ninguna propuesta se refiere a este capítulo.
        [article] Ninguna propuesta se refiere a este artículo.
        [paragraph] Ninguna propuesta se refiere a este párrafo.
       *[point] Ninguna propuesta se refiere a este apartado.
    }
neg-col-proposal = Propuesta
neg-col-change = Modificación
neg-col-behind = Apoyada por
neg-col-objecting = Objeciones
neg-col-status = Estado
neg-outdated = desactualizada
neg-who-wrote = Quién redactó este texto
neg-the-decision = la decisión
neg-entry = entrada n.º { $entry }
neg-history = Historial
neg-redline-from-zero = comparación con el borrador cero

## Una propuesta

neg-proposal-title = Propuesta P-{ $id }
neg-proposal-by = de
neg-fact-kind = Tipo
neg-fact-anchored = Basada en
neg-as-amendment = como enmienda (Akoma Ntoso)
neg-fact-tabled = Presentada
neg-tabled-by = por
neg-tabled-for = en nombre de
neg-fact-cosponsors = Copatrocinadores
neg-fact-support = Apoyo
neg-fact-objections = Objeciones
neg-none = ninguno
neg-fact-result = Resultado
neg-fact-decided = Decidida
neg-agreed-informally = (acordada por la Presidencia en consultas oficiosas)
neg-fact-decisions = Decisiones
neg-all-decisions = todas las decisiones
neg-receipt = Descargar el comprobante de la entrada con que se presentó
neg-act-heading = Actuar sobre la propuesta
neg-act-support = Apoyar en nombre de { $member }
neg-act-object = Objetar en nombre de { $member }
neg-act-uncosponsor = Dejar de ser copatrocinador
neg-act-cosponsor = Copatrocinar
neg-act-withdraw-confirm = ¿Retirar P-{ $id }? Esto queda registrado y no puede deshacerse.
neg-act-withdraw = Retirar
neg-act-provision-gone = La disposición a la que se refería ya no figura en el texto: retírela y presente una nueva propuesta donde el texto la requiera ahora.
neg-act-words-changed = Las palabras que citaba han cambiado. Vuelva a anclarla en la última versión:
neg-act-reanchor-quote = Las palabras, tal como figuran ahora
neg-act-reanchor = Volver a anclar
neg-act-provision-changed = Las palabras de la disposición han cambiado desde que se presentó esta nueva redacción. Lea la disposición tal como figura ahora; si la nueva redacción aún debe sustituirla, confírmela en la última versión:
neg-act-confirm = Confirmar en la última versión
neg-only-members-act = Solo los jefes de delegación y los delegados de los miembros con la condición de miembro apoyan, objetan o copatrocinan propuestas; los observadores y los asesores las siguen aquí.
neg-act-by-decision = Según las normas de este proceso, una propuesta entra en el texto, o sale de él, solo mediante una decisión: proponga su aprobación por consenso o sométala a votación en una
neg-act-meeting = sesión
neg-act-or-start = , o inicie un
neg-act-silence = procedimiento de acuerdo tácito
neg-full-stop = .
neg-comma = {", "}
neg-colon = {": "}
neg-act-agree-confirm = ¿Incorporar P-{ $id } al texto? Se crea una nueva versión.
neg-act-agree = Incorporar al texto (consultas oficiosas)
neg-act-reject-confirm = ¿Rechazar P-{ $id }?
neg-act-reject = Rechazar
neg-log-in-to-act = para apoyar, objetar o copatrocinar.

## El texto renovable

neg-clean-text-suffix = , texto limpio
neg-rolling-of-version = Texto renovable de la versión { $version }
neg-proposals-of-suffix = , propuestas de
neg-symbol-label = Signatura del documento:
neg-progress = Avance
neg-fig-brackets-replaced = Corchetes al ser sustituida
neg-fig-brackets-now = Corchetes ahora
neg-fig-options-replaced = Opciones al ser sustituida
neg-fig-options-now = Opciones ahora
neg-fig-open-proposals-of = Propuestas pendientes de
neg-views = Vistas
neg-view-all = Todo
neg-view-clean = Texto limpio
neg-view-versions = Versiones y comparaciones
neg-view-decisions = Normas y decisiones
neg-markdown-of-version = Markdown de la versión { $version }
neg-akn-of-version = Akoma Ntoso de la versión { $version }
neg-word-of-version = Word de la versión { $version }
neg-rolling-akn = Texto renovable en Akoma Ntoso
neg-rolling-word-footnotes = Texto renovable en Word (miembros en notas al pie)
neg-rolling-word-inline = Texto renovable en Word (miembros en el texto)
neg-compilation-word = Compilación de propuestas en Word
neg-print = Imprimir
neg-filter-member = Solo las propuestas de
neg-filter-every-member = todos los miembros
neg-filter-my-delegation = { $member } (mi delegación)
neg-filter-show = Mostrar
neg-outdated-banner = Propuestas desactualizadas (el texto que citan ha cambiado; quienes las propusieron las vuelven a anclar):
neg-symbol = Signatura del documento
neg-symbol-none = El proceso aún no tiene signatura.
neg-symbol-issued-as = El proceso se publica con la signatura
neg-symbol-revisions = Las revisiones con nombre se publican con la signatura seguida de /Rev.1, /Rev.2…
neg-symbol-set = Asignar la signatura
neg-text = Texto
neg-new-article-in = nuevo artículo propuesto en
neg-new-in = nuevo, propuesto en
neg-provision-link = { $provision }: propuestas, historial y autoría del texto
neg-provision-counts =
    { $brackets ->
        [one] { $brackets } corchete
       *[other] { $brackets } corchetes
    }, { $options ->
        [one] { $options } opción
       *[other] { $options } opciones
    }
neg-propose = proponer
neg-redline-title = Comparación { $from } → { $to }
neg-redline-heading = Comparación de la versión { $from } con la versión { $to }
neg-redline-changed =
    { $count ->
        [one] { $count } disposición modificada
       *[other] { $count } disposiciones modificadas
    }
neg-redline-inserted = Las palabras insertadas
neg-redline-and = y
neg-redline-deleted = las palabras suprimidas
neg-redline-marked = están señaladas.
neg-redline-word = Descargar en Word, con control de cambios para aceptar o rechazar
neg-from = Desde
neg-redline-new = (nueva)
neg-redline-deleted-provision = (suprimida)

## Las palabras que componen las páginas

neg-option-original = original
neg-summary-insert-words =
    { $position ->
        [before] insertar «{ $text }» antes de «{ $quote }»
       *[after] insertar «{ $text }» después de «{ $quote }»
    }
neg-summary-replace-words = sustituir «{ $quote }» por «{ $text }»
neg-summary-delete-words = suprimir «{ $quote }»
neg-summary-insert-provision =
    { $position ->
        [before] insertar antes de { $provision }: «{ $text }»
       *[after] insertar después de { $provision }: «{ $text }»
    }
neg-summary-replace-provision = sustituir la disposición por «{ $text }»
neg-summary-replace-heading = sustituir el epígrafe de { $provision } por «{ $heading }»
neg-summary-delete-provision = suprimir { $provision }
neg-kind-replace-words = sustituir palabras
neg-kind-insert-words = insertar palabras
neg-kind-delete-words = suprimir palabras
neg-kind-replace-provision = sustituir la disposición
neg-kind-insert-provision = insertar una disposición
neg-kind-delete-provision = suprimir la disposición
neg-kind-replace-heading = sustituir el epígrafe
neg-status-tabled = presentada
neg-status-withdrawn = retirada
neg-status-merged = fusionada
neg-status-agreed = acordada
neg-status-rejected = rechazada
neg-label-recital = considerando { $num }
neg-label-chapter = capítulo { $num }
neg-label-article = artículo { $num }
neg-label-paragraph = párrafo { $num }
neg-label-point = apartado { $num })
neg-label-separator = {", "}
neg-origin-zero-draft = borrador cero
neg-origin-chair-text = texto de la Presidencia
neg-origin-by = P-{ $proposal } de { $member }
neg-origin-adopted =
    { $method ->
        [consensus] { $by }, aprobada por la decisión { $decision } (consenso)
        [silence] { $by }, aprobada por la decisión { $decision } (acuerdo tácito)
       *[vote] { $by }, aprobada por la decisión { $decision } (votación)
    }
neg-origin-agreed = { $by }, acordada por la Presidencia en consultas oficiosas
neg-cause-zero-draft = borrador cero
neg-cause-chair-text = texto de la Presidencia
neg-cause-agreed = P-{ $proposal } acordada
neg-cause-confirmed = decisión { $decision } confirmada
neg-cause-adopted =
    { $method ->
        [consensus] decisión { $decision }: aprobada por consenso
        [silence] decisión { $decision }: aprobada mediante procedimiento de acuerdo tácito
       *[vote] decisión { $decision }: aprobada por votación
    }
neg-cause-not-adopted = decisión { $decision }: no aprobada en votación
neg-cited-statement = Tomado de la declaración { $statement } de la consulta { $consultation } («{ $text }», /consultations/{ $consultation }).

## Una decisión sobre una propuesta, en una línea

neg-decision-instrument = el instrumento
neg-decision-process = proceso { $process }
neg-decision-process-on-version = proceso { $process }, sobre la versión { $version }
neg-decision-process-adopted-version = proceso { $process }, versión { $version } aprobada
neg-decision-subject = Decisión { $id }, objeto: { $target } ({ $process })
neg-outcome-adopted = aprobada
neg-outcome-not-adopted = no aprobada
neg-outcome-agreed-ad-referendum = acordada ad referendum
neg-decision-tally = — { $yes } a favor, { $no } en contra, { $abstain } abstenciones
neg-decision-required = ; se requieren { $required }
neg-decision-line =
    { $method ->
        [consensus] { $subject }, por consenso: { $outcome }
        [silence] { $subject }, mediante procedimiento de acuerdo tácito: { $outcome }
       *[vote] { $subject }, por votación: { $outcome }
    }
neg-decision-entry = { $line } (entrada { $entry })
neg-papers = Documentos de sesión
neg-papers-lede = La secretaría publica el texto renovable o la compilación de propuestas como documento de sesión con una signatura propia; el documento se mantiene tal como se publicó, cambie lo que cambie después.
neg-papers-none = No se ha publicado ningún documento de sesión.
neg-paper-col-kind = Documento
neg-paper-current = (el texto actual)
neg-paper-kind-rolling_text = Texto renovable
neg-paper-kind-compilation = Compilación de propuestas
neg-paper-issue = Publicar como documento de sesión (versión { $version })
