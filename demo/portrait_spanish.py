"""The demo's Spanish: the state's home, portrait and a story, and the same for the first two
demo districts, written for Spanish-reading families (usted). Keys are the English strings
wagtail-localize extracts from each page; what a page holds beyond them stays English."""

# Shared by every translated site.
TITLES = {
    "Home": "Inicio",
    "Portrait of a learner": "Perfil del estudiante",
    "Stories": "Historias",
    "Stories of vision in practice": "Historias de la visión en práctica",
    "Statewide portrait": "Perfil estatal",
    "An abstract pattern of colored bands and rings.": (
        "Un diseño abstracto de franjas y anillos de colores."
    ),
}

STATE = {
    "Every community in the state is describing the graduate it hopes to send into the world. "
    "Here you can read the statewide portrait of a learner and visit each district's own.": (
        "Cada comunidad del estado está describiendo al graduado que espera enviar al mundo. "
        "Aquí puede leer el perfil estatal del estudiante y visitar el de cada distrito."
    ),
    "Five competencies every community in the state has said it wants for its graduates. "
    "Each district describes them in its own way.": (
        "Cinco competencias que todas las comunidades del estado desean para sus graduados. "
        "Cada distrito las describe a su manera."
    ),
    "Critical thinker": "Pensador crítico",
    "Weighs evidence, asks good questions and reaches sound conclusions on hard problems.": (
        "Sopesa la evidencia, hace buenas preguntas y llega a conclusiones sólidas ante "
        "problemas difíciles."
    ),
    "Effective communicator": "Comunicador eficaz",
    "Listens closely and shares ideas clearly in speech, writing and media, for any audience.": (
        "Escucha con atención y comparte ideas con claridad al hablar, al escribir y en los "
        "medios, ante cualquier público."
    ),
    "Collaborative contributor": "Colaborador comprometido",
    "Works with people unlike themselves toward shared goals and does their part well.": (
        "Trabaja con personas distintas a sí mismo hacia metas comunes y cumple bien su parte."
    ),
    "Adaptable learner": "Aprendiz adaptable",
    "Meets change with curiosity, learns from setbacks and keeps growing after school ends.": (
        "Enfrenta el cambio con curiosidad, aprende de los tropiezos y sigue creciendo al "
        "terminar la escuela."
    ),
    "Engaged citizen": "Ciudadano participativo",
    "Cares for their community, acts ethically and takes part in civic life.": (
        "Cuida de su comunidad, actúa con ética y participa en la vida cívica."
    ),
    "Asks good questions": "Hace buenas preguntas",
    "Weighs evidence": "Sopesa la evidencia",
    "Solves novel problems": "Resuelve problemas nuevos",
    "Listens closely": "Escucha con atención",
    "Writes clearly": "Escribe con claridad",
    "Speaks with purpose": "Habla con propósito",
    "Shares the work": "Comparte el trabajo",
    "Resolves disagreement": "Resuelve desacuerdos",
    "Builds trust": "Genera confianza",
    "Learns from setbacks": "Aprende de los tropiezos",
    "Sets goals": "Se fija metas",
    "Stays curious": "Mantiene la curiosidad",
    "Acts ethically": "Actúa con ética",
    "Serves the community": "Sirve a la comunidad",
    "Respects every voice": "Respeta todas las voces",
    "Asks why and how about things they notice, and sorts simple ideas into groups that make "
    "sense.": (
        "Pregunta por qué y cómo sobre lo que observa, y ordena ideas sencillas en grupos que "
        "tienen sentido."
    ),
    "Compares two sources on the same topic and explains which one they trust more, and why.": (
        "Compara dos fuentes sobre un mismo tema y explica en cuál confía más y por qué."
    ),
    "Tests a claim against evidence, notices when an argument leaves something out, and "
    "revises their own view.": (
        "Pone a prueba una afirmación con evidencia, nota cuando un argumento omite algo y "
        "revisa su propia opinión."
    ),
    "Frames an open problem, gathers and weighs evidence from several fields, and defends a "
    "conclusion while naming its limits.": (
        "Plantea un problema abierto, reúne y sopesa evidencia de varios campos, y defiende una "
        "conclusión reconociendo sus límites."
    ),
    "Takes turns in conversation and retells a story so a classmate can follow it.": (
        "Respeta los turnos al conversar y vuelve a contar un cuento para que un compañero lo "
        "entienda."
    ),
    "Writes and speaks in complete ideas, choosing words for the person listening.": (
        "Escribe y habla con ideas completas, eligiendo las palabras según quien escucha."
    ),
    "Shapes a message for a purpose, mixing writing, images and speech, and asks for feedback "
    "on it.": (
        "Da forma a un mensaje con un propósito, combinando texto, imágenes y voz, y pide "
        "opiniones sobre él."
    ),
    "Persuades, explains and listens across audiences, in person and in media, and adjusts "
    "when the message is not landing.": (
        "Convence, explica y escucha ante públicos diversos, en persona y en los medios, y se "
        "ajusta cuando el mensaje no llega."
    ),
    "Shares materials, helps a partner and says what they need from the group.": (
        "Comparte materiales, ayuda a un compañero y dice lo que necesita del grupo."
    ),
    "Takes a role in a team, keeps to it and helps settle small disagreements.": (
        "Asume un papel en el equipo, lo cumple y ayuda a resolver pequeños desacuerdos."
    ),
    "Plans work with others, divides it fairly and gives useful feedback to peers.": (
        "Planea el trabajo con otros, lo reparte con justicia y da comentarios útiles a sus "
        "compañeros."
    ),
    "Leads and follows in teams unlike themselves, holds the group to its goals and shares "
    "credit.": (
        "Dirige y sigue en equipos distintos a sí mismo, mantiene al grupo fiel a sus metas y "
        "comparte el mérito."
    ),
    "Tries again after a mistake and names one thing they learned from it.": (
        "Vuelve a intentarlo después de un error y nombra algo que aprendió de él."
    ),
    "Sets a small learning goal, checks on it and asks for help when stuck.": (
        "Se fija una pequeña meta de aprendizaje, revisa su avance y pide ayuda cuando se atasca."
    ),
    "Chooses strategies for new kinds of tasks and reflects on what worked.": (
        "Elige estrategias para tareas nuevas y reflexiona sobre lo que funcionó."
    ),
    "Plans their own learning toward a future they have chosen, and changes course when the "
    "world changes.": (
        "Planea su propio aprendizaje hacia el futuro que eligió, y cambia de rumbo cuando el "
        "mundo cambia."
    ),
    "Cares for shared spaces and notices when someone is left out.": (
        "Cuida los espacios compartidos y se da cuenta cuando alguien queda excluido."
    ),
    "Learns how their town works and takes part in a class or school project for it.": (
        "Aprende cómo funciona su pueblo y participa en un proyecto de la clase o de la escuela "
        "para su comunidad."
    ),
    "Investigates a local issue, hears more than one side and proposes an action.": (
        "Investiga un asunto local, escucha más de un punto de vista y propone una acción."
    ),
    "Acts on a public question through service, advocacy or voting, and accounts for the "
    "effects of what they do.": (
        "Actúa ante un asunto público mediante el servicio, la defensa de una causa o el voto, "
        "y responde por los efectos de lo que hace."
    ),
    "Districts compare notes at the statewide portrait summit": (
        "Los distritos comparten experiencias en la cumbre estatal del perfil"
    ),
    "Teams from every region traded what worked when they wrote their portraits.": (
        "Equipos de todas las regiones intercambiaron lo que les funcionó al escribir sus perfiles."
    ),
    "Each team brought one success and one thing it would do differently.": (
        "Cada equipo trajo un logro y algo que haría de otra manera."
    ),
    "The most common advice: invite students to the very first meeting.": (
        "El consejo más repetido: invitar a los estudiantes desde la primera reunión."
    ),
}

# A district's words carry its name: {name} is filled in for each district.
DISTRICT = {
    "Welcome to {name}. Families, students, staff and neighbors are shaping what our "
    "graduates should know and be able to do, and this site follows that work.": (
        "Bienvenido a {name}. Familias, estudiantes, personal y vecinos están definiendo lo que "
        "nuestros graduados deben saber y ser capaces de hacer, y este sitio sigue ese trabajo."
    ),
    "Every {name} graduate leaves us ready to think for themselves, to work well with others "
    "and to keep learning, with a clear sense of who they are and what they can give.": (
        "Cada graduado de {name} sale preparado para pensar por sí mismo, trabajar bien con "
        "los demás y seguir aprendiendo, con una idea clara de quién es y de lo que puede "
        "aportar."
    ),
    "In {name}, we want each young person to walk across the stage knowing their strengths, "
    "trusted by their community and curious about what comes next.": (
        "En {name} queremos que cada joven reciba su diploma conociendo sus fortalezas, con la "
        "confianza de su comunidad y con curiosidad por lo que viene."
    ),
    "Our families told us that test scores alone do not describe the young people they hope "
    "to raise. This portrait names what matters most to {name}, so that classrooms, clubs and "
    "families can aim at the same things.": (
        "Nuestras familias nos dijeron que los resultados de los exámenes no bastan para "
        "describir a los jóvenes que esperan criar. Este perfil nombra lo que más le importa a "
        "{name}, para que las aulas, los clubes y las familias apunten a lo mismo."
    ),
    "Local employers, tribal elders and students all said the same thing in our listening "
    "sessions: school should prepare people for life here and anywhere. This portrait is how "
    "{name} keeps that promise in view.": (
        "Empleadores locales, ancianos de las tribus y estudiantes dijeron lo mismo en nuestras "
        "sesiones de escucha: la escuela debe preparar para la vida aquí y en cualquier lugar. "
        "Con este perfil, {name} mantiene presente esa promesa."
    ),
    "Family and student survey": "Encuesta a familias y estudiantes",
    "Community evening": "Velada comunitaria",
    "Student focus groups": "Grupos de enfoque con estudiantes",
    "Employer interviews": "Entrevistas con empleadores",
    "Curious problem-solver": "Solucionador curioso",
    "Digs into real problems, tests ideas and keeps going until one works.": (
        "Se adentra en problemas reales, pone a prueba ideas y persiste hasta que una funciona."
    ),
    "Wonders aloud about what they see and tries more than one way to build it.": (
        "Se pregunta en voz alta sobre lo que ve y prueba más de una forma de construirlo."
    ),
    "Breaks a messy problem into parts and tests a fix for each.": (
        "Divide un problema complicado en partes y prueba una solución para cada una."
    ),
    "Takes on a problem nobody has solved for them and shows the evidence that their solution "
    "works.": (
        "Aborda un problema que nadie le ha resuelto y muestra la evidencia de que su solución "
        "funciona."
    ),
    "Confident communicator": "Comunicador seguro",
    "Shares ideas with any audience and listens to understand.": (
        "Comparte ideas con cualquier público y escucha para comprender."
    ),
    "Speaks up in a circle and listens while others talk.": (
        "Toma la palabra en el círculo y escucha mientras los demás hablan."
    ),
    "Presents a project to people outside the class and answers their questions.": (
        "Presenta un proyecto a personas ajenas a la clase y responde sus preguntas."
    ),
    "Speaks, writes and designs for real audiences, from a school board to a future employer.": (
        "Habla, escribe y diseña para públicos reales, desde la junta escolar hasta un futuro "
        "empleador."
    ),
    "Generous teammate": "Compañero generoso",
    "Brings out the best in a group and follows through on their share.": (
        "Saca lo mejor de un grupo y cumple con su parte."
    ),
    "Helps a classmate finish and takes turns with the good materials.": (
        "Ayuda a un compañero a terminar y se turna para usar los mejores materiales."
    ),
    "Keeps a group on track and makes room for quieter voices.": (
        "Mantiene al grupo encaminado y da espacio a las voces más calladas."
    ),
    "Leads a team through disagreement to a result everyone stands behind.": (
        "Guía a un equipo a través del desacuerdo hasta un resultado que todos respaldan."
    ),
    "Caring neighbor": "Vecino solidario",
    "Looks after the people and places around them.": (
        "Cuida de las personas y los lugares que lo rodean."
    ),
    "Tidies shared spaces and checks on a friend who looks sad.": (
        "Ordena los espacios compartidos y se acerca a un amigo que se ve triste."
    ),
    "Joins a service project and explains who it helps and why.": (
        "Se suma a un proyecto de servicio y explica a quién ayuda y por qué."
    ),
    "Organizes others to meet a need in the community and sees it through.": (
        "Organiza a otros para atender una necesidad de la comunidad y la lleva a término."
    ),
    "Resilient learner": "Aprendiz resiliente",
    "Treats setbacks as information and keeps growing.": (
        "Ve los tropiezos como información y sigue creciendo."
    ),
    "Tries a hard puzzle again and says what they will do differently.": (
        "Vuelve a intentar un rompecabezas difícil y dice qué hará de otra manera."
    ),
    "Tracks their own progress toward a goal and changes a strategy that fails.": (
        "Sigue su propio avance hacia una meta y cambia la estrategia que no funciona."
    ),
    "Recovers from a real failure, explains what it taught them and sets a new course.": (
        "Se recupera de un fracaso real, explica lo que le enseñó y traza un nuevo rumbo."
    ),
    "Ethical decision-maker": "Persona que decide con ética",
    "Weighs what is fair and right before acting, and owns the result.": (
        "Sopesa lo que es justo y correcto antes de actuar, y se hace responsable del resultado."
    ),
    "Tells the truth about what happened and says sorry when it is due.": (
        "Dice la verdad sobre lo que pasó y pide disculpas cuando corresponde."
    ),
    "Explains how a choice affects others and picks the fairer option.": (
        "Explica cómo una decisión afecta a los demás y elige la opción más justa."
    ),
    "Reasons through a hard dilemma in public life and acts on their conclusion.": (
        "Razona ante un dilema difícil de la vida pública y actúa según su conclusión."
    ),
    "Creative maker": "Creador ingenioso",
    "Imagines what is not there yet and builds it with others.": (
        "Imagina lo que todavía no existe y lo construye con otros."
    ),
    "Builds, draws and plays to show an idea in their head.": (
        "Construye, dibuja y juega para mostrar una idea que tiene en mente."
    ),
    "Designs a prototype, tests it with users and improves it.": (
        "Diseña un prototipo, lo prueba con usuarios y lo mejora."
    ),
    "Brings an original product, performance or venture to a real audience.": (
        "Lleva un producto, una presentación o un emprendimiento original ante un público real."
    ),
    "Ninth graders pitch fixes for the school bus routes": (
        "Estudiantes de noveno grado proponen mejoras a las rutas del autobús escolar"
    ),
    "A mapping project turned into a proposal the transportation office adopted.": (
        "Un proyecto de mapas se convirtió en una propuesta que adoptó la oficina de transporte."
    ),
    "Students rode every route, logged delays and drew the results on a shared map.": (
        "Los estudiantes recorrieron cada ruta, anotaron los retrasos y dibujaron los "
        "resultados en un mapa compartido."
    ),
    "Their pitch to the transportation office combined two routes and saved twelve minutes a "
    "morning.": (
        "Su propuesta a la oficina de transporte unió dos rutas y ahorró doce minutos cada mañana."
    ),
    "I never thought a spreadsheet could change my morning.": (
        "Nunca pensé que una hoja de cálculo pudiera cambiar mis mañanas."
    ),
    "A ninth-grade student": "Un estudiante de noveno grado",
    "A robotics club opens its workshop to the whole town": (
        "Un club de robótica abre su taller a todo el pueblo"
    ),
    "Saturday build days brought students, retirees and local machinists together.": (
        "Los sábados de construcción reunieron a estudiantes, jubilados y mecánicos del lugar."
    ),
    "Club members taught soldering to adults and learned machining from them in return.": (
        "Los miembros del club enseñaron a soldar a los adultos y, a cambio, aprendieron de "
        "ellos a trabajar en el torno."
    ),
    "The club's entry at the regional competition used parts a local shop donated.": (
        "El robot del club en la competencia regional usó piezas que donó un taller local."
    ),
    "We built the robot, but the town built the club.": (
        "Nosotros construimos el robot, pero el pueblo construyó el club."
    ),
    "The club's faculty adviser": "El maestro asesor del club",
}


def district_spanish(name: str) -> dict[str, str]:
    """English to Spanish for one district's pages."""
    return {
        **TITLES,
        name: name,  # the district's home page carries its name, the same in both languages
        **{
            english.format(name=name): spanish.format(name=name)
            for english, spanish in DISTRICT.items()
        },
    }


def state_spanish() -> dict[str, str]:
    return {**TITLES, **STATE}
