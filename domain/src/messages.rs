//! The identity of every message a `FieldError` can carry, with its Italian text.
//!
//! The API answers in Italian (the `message` of the error shape, docs/design.md §8); a page in
//! another language shows the same error from its own catalogue, found by the message's
//! identity (`Msg`) and filled with the same values. The app's catalogue matches on `Msg`
//! exhaustively, so a message without a translation does not compile, and a test compares each
//! translation's placeholders with the Italian ones.

use std::fmt::Display;

macro_rules! messages {
    ($($(#[$doc:meta])* $id:ident => $it:literal,)*) => {
        /// A message's identity: the app's catalogues match on it exhaustively.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum MsgId {
            $($(#[$doc])* $id,)*
        }

        /// A message: its identity and its Italian text. Each message is a constant
        /// (`Msg::WeeklyHoursRange`), so code that can say a message carries that message's
        /// text only, not the whole catalogue: the public browser bundle, whose calculator
        /// builds a few of these errors, stays within its budget.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Msg {
            pub id: MsgId,
            it: &'static str,
        }

        #[allow(non_upper_case_globals)]
        impl Msg {
            $($(#[$doc])* pub const $id: Msg = Msg { id: MsgId::$id, it: $it };)*

            /// Every message, for the catalogue tests.
            pub const ALL: &'static [Msg] = &[$(Msg::$id,)*];

            /// The message without values whose Italian text is `italian` (an error read back
            /// from the API), if there is one.
            pub fn from_italian(italian: &str) -> Option<Msg> {
                Msg::ALL
                    .iter()
                    .copied()
                    .find(|m| m.it == italian && !m.it.contains('{'))
            }

            /// The Italian text, with `{name}` placeholders.
            pub fn it(self) -> &'static str {
                self.it
            }
        }
    };
}

messages! {
    UnknownCode => "Il codice «{value}» non esiste nei dati di riferimento.",
    UnknownParameter => "Il parametro «{name}» non è previsto.",
    DuplicateParameter => "Il parametro «{name}» è indicato più di una volta.",
    NotFound => "La risorsa richiesta non esiste o non è pubblicata.",
    Internal => "Si è verificato un errore interno. Riprovare tra poco.",
    Unauthenticated => "Per continuare occorre accedere con SPID o CIE.",
    Forbidden => "Non è consentito accedere a questi dati con il proprio profilo.",
    CsrfRejected => "La richiesta non proviene da una pagina di Ponte: ricaricare la pagina e riprovare.",
    PayloadTooLarge => "Il contenuto inviato è troppo grande: al massimo {kb} KB per richiesta.",
    RateLimited => "Troppi tentativi in poco tempo: riprovare tra qualche minuto.",
    MediaTypeExpected => "Il contenuto va inviato come {expected} (intestazione Content-Type).",
    DerogaDuplicate => "Una richiesta di deroga per la stessa categoria e lo stesso periodo è già stata inviata.",
    DerogaTooMany => "Per questo alunno ci sono già {max} richieste di deroga in attesa della decisione della scuola: \
         attendere che la scuola ne decida almeno una.",
    ImportPartsArriving => "Una parte del file è ancora in arrivo: attendere che l'invio finisca, poi rendere \
         effettiva l'importazione.",
    ImportCommitting => "L'importazione è in corso di applicazione: non si possono più aggiungere parti.",
    ImportDeletionsNeedConfirmation => "Il file eliminerebbe {n} alunni su {total}: confermare l'eliminazione \
         (controllare l'elenco) o importare il file completo.",
    WeeklyHoursRange => "Le ore settimanali devono essere un numero intero da 1 a {max}.",
    WeeklyHoursMissing => "Indicare le ore settimanali dell'orario dell'alunno.",
    LessonWeeksRange => "Le settimane di lezione devono essere un numero intero da 1 a {max}.",
    DailyHoursRange => "Le ore giornaliere devono essere un numero intero da 1 a {max}.",
    WholeNumberRange => "Indicare un numero intero da {min} a {max}.",
    PositiveWholeNumber => "Indicare un numero intero maggiore di zero.",
    DateRangeReversed => "La data finale non può precedere la data iniziale.",
    LastLessonDayBeforeFirst => "L'ultimo giorno di lezione non può precedere il primo.",
    SchoolYearTooLong => "Un anno scolastico non può durare più di 366 giorni.",
    FirstLessonDaySunday => "Il primo giorno di lezione non può essere una domenica.",
    LastLessonDaySunday => "L'ultimo giorno di lezione non può essere una domenica.",
    HolidayOutsideYear => "Il periodo di vacanza deve cadere tra il primo e l'ultimo giorno di lezione.",
    HolidayOnFirstOrLastDay => "Il primo e l'ultimo giorno di lezione non possono essere giorni di vacanza.",
    EventMinutesMissing => "Per ritardi, ingressi posticipati e uscite anticipate indicare i minuti di lezione persi.",
    DerogaCategoryCodeForm => "Il codice della categoria di deroga deve avere da 1 a 40 caratteri tra a-z, 0-9 e _.",
    MayorBeforeFamily => "Il sindaco si avvisa dopo la comunicazione alla famiglia: indicarne prima la data.",
    MayorNotifiedBeforeFamily => "L'avviso al sindaco non può precedere la comunicazione alla famiglia.",
    PresenceCountedAsAbsence => "Le attività organizzate dalla scuola e la sospensione con obbligo di frequenza non sono assenze.",
    BandsRange => "Le soglie di attenzione e di rischio devono essere percentuali crescenti tra 1 e 100.",
    DeadlineDayOfYear => "Indicare un giorno e un mese che esistano ogni anno (non il 29 febbraio).",
    PolicyNameLength => "Il nome della politica deve avere da 1 a 200 caratteri.",
    DerogaCategoryLabelMissing => "Ogni categoria di deroga deve avere una descrizione.",
    ThresholdRepeated => "La stessa soglia è indicata più di una volta.",
    DeclarationCodeMissing => "Indicare il codice della dichiarazione.",
    DeclarationCodeInvalid => "Il codice della dichiarazione non è valido: probabilmente un carattere è stato \
         scritto male o due caratteri sono scambiati.",
    ReasonFromList => "Scegliere il motivo dall'elenco: non si possono scrivere altri dettagli.",
    AbsenceAlreadyJustified => "Questa assenza risulta già giustificata nel registro.",
    FutureAbsence => "Non si può giustificare un'assenza futura.",
    JustificationAlreadySent => "Per questa assenza è già stata inviata una giustificazione.",
    AbsenceDerogated => "Questa assenza è coperta da una deroga accolta: non conta nel limite e non serve \
         giustificarla.",
    AbsencesNoneChosen => "Scegliere almeno un'assenza da giustificare.",
    AbsencesTooMany => "Si possono giustificare al più {max} assenze per volta.",
    AbsenceIdInvalid => "Il numero dell'assenza non è valido.",
    DecisionValue => "La decisione deve essere \"approve\" (accolta) o \"refuse\" (respinta).",
    RequestAlreadyDecided => "Su questa richiesta la scuola ha già deciso: la decisione non si cambia da qui.",
    RefusalReasonMissing => "Per respingere la richiesta scegliere il motivo: la famiglia lo legge.",
    RefusalReasonFromList => "Scegliere uno dei motivi di rifiuto proposti per questo tipo di richiesta.",
    CouncilDateMissing => "Indicare la data del consiglio di classe che ha deciso la deroga.",
    CouncilDateFuture => "La data del consiglio di classe non può essere futura.",
    CouncilDateBeforeRequest => "Il consiglio di classe non può aver deciso prima della richiesta, inviata il {date}.",
    MotivationMissing => "Scrivere la motivazione della delibera del consiglio di classe.",
    MotivationTooLong => "La motivazione può avere al più {max} caratteri.",
    DocumentsNotReceived => "Una deroga si accoglie quando la segreteria ha ricevuto la documentazione: confermarlo.",
    DerogaOnlyCouncil => "Sulle deroghe decide il consiglio di classe: la decisione la registrano il coordinatore della classe o il dirigente scolastico.",
    UndoOnlyByDecider => "Una decisione la annulla solo chi l'ha presa, entro {minutes} minuti.",
    UndoTooLate => "Sono passati più di {minutes} minuti: la decisione non si può più annullare.",
    UndoNothing => "Questa richiesta non ha una decisione da annullare.",
    DeskGradeValue => "L'ordine di scuola deve essere primaria, secondaria_primo_grado o secondaria_secondo_grado.",
    DeskStandingValue => "La situazione deve essere: regolare, vicino, oltre, soglia, legge159 o elusione.",
    DeskSortValue => "L'ordine deve essere: classe, assenze, residuo o nome.",
    IsoDateForm => "La data deve essere nel formato AAAA-MM-GG (per esempio 2026-03-02).",
    DerogaCategoryFromList => "Scegliere una delle categorie di deroga adottate dalla scuola.",
    EndBeforeStart => "La data di fine non può precedere quella di inizio.",
    AudienceKind => "Il destinatario deve essere: tutta la scuola, un ordine di scuola, classi o alunni.",
    NoticeNeedsNoAcknowledgement => "Questo avviso non chiede la presa visione.",
    NoticeAlreadyAcknowledged => "La presa visione di questo avviso è già registrata.",
    NoticeUnknownClasses => "La scuola non ha le classi {classes}: nessuna famiglia riceverebbe l'avviso \
         per loro. Le classi della scuola sono, per esempio: {examples}.",
    SignedFileMissing => "Scegliere il file della dichiarazione firmata (.p7m).",
    DeclarationNotPending => "Si può annullare solo una dichiarazione che attende ancora la conferma.",
    NoticeWithdrawn => "La scuola ha ritirato questo avviso: non chiede più nulla.",
    NoticeEveryoneAcknowledged => "Tutte le famiglie hanno già preso visione di questo avviso.",
    NoticeRemindedToday => "Un promemoria per questo avviso è già stato inviato nelle ultime 24 ore.",
    NoticeReachesNobody => "L'avviso non raggiunge nessun alunno della scuola: nessuna famiglia lo \
         riceverebbe. Controlli i destinatari.",
    DerogaRequestIdRange => "Il numero della richiesta di deroga è fuori intervallo.",
    SchoolNotReady => "La scuola non ha ancora inviato le classi o il calendario: la situazione delle \
         assenze sarà disponibile appena lo farà.",
    CodiceFiscaleMissing => "Indicare il codice fiscale.",
    IpaCodeMissing => "Indicare il codice iPA dell'ente o il Codice Univoco Ufficio.",
    IpaCodeForm => "Il codice iPA ha da 1 a 20 caratteri fra lettere, cifre e trattino basso \
         (per esempio c_h501).",
    CalendarRowKind => "Tipo non riconosciuto: indicare lezioni (primo e ultimo giorno di lezione) o \
         vacanza (un giorno o un periodo senza lezioni).",
    DescriptionControlChars => "La descrizione contiene caratteri non stampabili (per esempio un a capo).",
    ImportKind => "Tipo di file non riconosciuto: classi, calendario, alunni, tutori, \
         personale o assenze.",
    ClassMissing => "Indicare la classe.",
    ClassCodeChars => "Il codice della classe può contenere solo lettere (senza accenti) e cifre, \
         per esempio 3A.",
    MatricolaMissing => "Indicare la matricola.",
    MatricolaChars => "La matricola può contenere solo lettere (senza accenti), cifre e i segni - _ / . \
         (niente spazi).",
    RoleMissing => "Indicare il ruolo.",
    RoleUnknown => "Ruolo non riconosciuto: indicare docente, segreteria o dirigente.",
    DateMissing => "Indicare la data.",
    ImportDateForm => "La data non è scritta nella forma gg/mm/aaaa (per esempio 15/09/2025) o aaaa-mm-gg.",
    YesNo => "Indicare sì o no (valgono anche s, x, 1, vero / n, 0, falso; vuoto vale no).",
    HoursNumber => "Indicare le ore con un numero, anche decimale (per esempio 2 oppure 1,5).",
    SchoolGradeUnknown => "Ordine di scuola non riconosciuto: indicare primaria, secondaria di primo grado \
         o secondaria di secondo grado.",
    AbsenceKindUnknown => "Tipo di assenza non riconosciuto: indicare assenza, ritardo, ingresso_posticipato, \
         uscita_anticipata, astensione, uscita_didattica_non_partecipata, sospensione, \
         sospensione_con_obbligo o attivita_scolastica.",
    WithdrawalKindUnknown => "Tipo di ritiro non riconosciuto: indicare ritiro (ritiro formale), abbandono \
         (abbandono non formale) o trasferimento.",
    NextYearChoiceUnknown => "Scelta per l'anno successivo non riconosciuta: indicare istruzione, iefp, \
         apprendistato o nessuna.",
    OutcomeUnknown => "Esito non riconosciuto: indicare ammesso, non ammesso o giudizio sospeso.",
    BirthDateTooEarly => "La data di nascita deve essere dal {min} in poi.",
    CaseClosedBeforeNotice => "La chiusura del caso non può precedere la comunicazione alla famiglia.",
    CaseStepNotDue => "Questo passo non è previsto nello stato attuale del caso: ricaricare la pagina e controllare.",
    CaseDateInFuture => "La data non può essere successiva a oggi.",
    CaseDateBeforeFlag => "La data non può precedere il giorno in cui il caso si è aperto.",
    CaseEpisodeNumber => "Indicare il numero del caso (0 per il primo dell'anno).",
    CaseChannelUnknown => "Indicare come è stata informata la famiglia: letter (lettera) o notice (avviso in Ponte).",
    CaseReasonUnknown => "Indicare il motivo della chiusura: justified, transferred, home_schooling o other.",
    CaseStepUnknown => "Passo non riconosciuto: family_notified, mayor_notified, closed, elusione_reported \
         o late_entries_notified.",
    Law159MayorOnly => "Le segnalazioni al sindaco le registrano la segreteria e il dirigente scolastico.",
    ArsCommunicationUnknown => "Comunicazione ARS non riconosciuta: abbandono_non_formale, \
         ritiro_prima_15_03, ritiro_dopo_15_03, iscritto_non_presente, esito_negativo_non_prosegue, \
         terza_senza_scelta o istruzione_parentale.",
    ArsSentBeforeYear => "La data di invio non può precedere l'inizio dell'anno scolastico ({min}).",
    ArsNotNeeded => "Per questo alunno Ponte non rileva questa comunicazione ARS: ricaricare la pagina e controllare.",
    ArsAlreadySent => "Questa comunicazione ARS è già segnata come inviata.",
    CaseStepTaken => "Un altro passo di questo caso è stato appena registrato: ricaricare la pagina e controllare.",
    CaseUndoOnlyByRecorder => "Un passo lo annulla solo chi l'ha registrato, entro {minutes} minuti.",
    CaseUndoTooLate => "Sono passati più di {minutes} minuti: il passo non si può più annullare.",
    CaseUndoNotLast => "Si annulla solo l'ultimo passo registrato del caso.",
    CaseUndoStepId => "Indicare il passo da annullare con il suo numero.",
    LateEntriesThresholdRange => "Il numero di ritardi oltre il quale la famiglia riceve l'informativa deve essere \
         un numero intero da {min} a {max}.",
    LateEntriesNotDue => "L'informativa sui ritardi non è dovuta: dall'ultima comunicazione i ritardi non hanno \
         raggiunto la soglia della scuola.",
    LateEntriesNoticeBeforeThreshold => "La data non può precedere il giorno in cui i ritardi hanno raggiunto la soglia.",
    RegionCode => "Il codice ISTAT della regione ha due cifre, da 01 a 20.",
    ProvinceCode => "La sigla della provincia ha due lettere (per esempio RM).",
    ComuneCode => "Il codice ISTAT del comune ha sei cifre (per esempio 058091).",
    PecMissing => "Indicare l'indirizzo PEC: serve per confermare la pubblicazione del profilo.",
    IpaWithoutPec => "L'ente non ha una casella PEC registrata nell'IPA: occorre registrarla \
         nell'IPA prima di pubblicare il profilo.",
    DeclarationByPec => "Questa dichiarazione si conferma con un messaggio PEC, non con un file firmato.",
    SearchTextNoAlphanumeric => "Il testo da cercare deve contenere almeno una lettera o una cifra.",
    NearComune => "Indicare il comune con il suo nome (per esempio Padova, o Samone (TN)) o con il \
         codice ISTAT di sei cifre.",
    RadiusWithoutNear => "La distanza vale intorno a un comune: indicare anche il comune (near).",
    NearComuneUnknown => "Nessun comune si chiama «{name}»: verificare il nome.",
    NearComuneAmbiguous => "Più comuni si chiamano «{name}»: indicare anche la provincia, per \
         esempio {example}.",
    DayHoursRange => "Le ore di lezione di un giorno devono essere da 0 a {max}.",
    WeekdaysSumRange => "Le ore dei giorni della settimana devono sommare da 1 a {max} ore settimanali.",
    WeekdaysSumMismatch => "Le ore dei giorni sommano a {sum}, ma le ore settimanali indicate sono {weekly}.",
    EventMinutesRange => "I minuti di assenza di un evento devono essere da 1 a {max}.",
    DerogaHoursRange => "Le ore riconosciute dalla deroga devono essere da 1 minuto a {max} ore.",
    PersonalisedHoursRange => "Il monte ore personalizzato deve essere un numero intero da 1 a {max}.",
    PreviousAbsenceMax => "Le assenze della scuola di provenienza non possono superare {max} ore.",
    DerogaCategoryRepeated => "La categoria di deroga «{code}» è indicata più di una volta.",
    ThresholdHoursRange => "Una soglia di allerta deve essere da 1 a {max} ore.",
    DeclarationCodeLength => "Il codice della dichiarazione ha 12 caratteri nella forma XXXX-XXXX-XXXX \
         (ne sono stati indicati {n}).",
    DeclarationCodeChar => "Il carattere «{c}» non compare nei codici della dichiarazione, che non \
         usano le lettere I, L, O né le cifre 0 e 1: verificare di averlo copiato \
         correttamente.",
    DatesInSchoolYear => "Le date devono cadere nell'anno scolastico, dal {first} al {last}.",
    AudienceGrade => "Scegliere l'ordine di scuola: primaria, secondaria di primo o di secondo grado.",
    AudienceClassesCount => "Indicare da 1 a 200 classi (per esempio 1A 2B).",
    AudienceClassCode => "Un codice di classe ha solo lettere, cifre e trattini.",
    AudiencePupilsCount => "Indicare da 1 a 500 alunni.",
    AudiencePupilNumbers => "Gli alunni si indicano con il loro numero.",
    TextLengthRange => "{what} deve avere da 1 a {max} caratteri.",
    TextBadChars => "{what} contiene caratteri non ammessi.",
    SearchTextMaxLen => "Il testo da cercare può avere al massimo {max} caratteri.",
    IpaCodeUnknown => "Il codice «{code}» non è presente nell'Indice delle Pubbliche \
         Amministrazioni (IPA): verificare il codice iPA dell'ente.",
    CfNotIpa => "Il codice fiscale non è quello dell'ente nell'IPA ({cf}).",
    SignedFileWrongCode => "Il file firmato non è la dichiarazione con il codice {code}: scaricare la \
         dichiarazione di questo codice, firmarla e caricarla di nuovo.",
    SignedByOther => "Il file è firmato da un'altra persona (codice fiscale {signer}): deve firmarlo \
         il legale rappresentante indicato nel profilo ({expected}).",
    SignedFileNotDocument => "Il file firmato non è, byte per byte, il documento della dichiarazione \
         {code}: firmare il file scaricato senza modificarlo e caricarlo di nuovo.",
    ReviewPecNotOfRecord => "La PEC è quella indicata dal soggetto: INI-PEC non la riporta per \
         questo codice fiscale.",
    ReviewSignerNotRepresentative => "Il Registro delle imprese non indica chi ha firmato tra i \
         legali rappresentanti dell'impresa: se è un delegato, serve la delega.",
    ReviewCompanyNotInRegistry => "Il Registro delle imprese non ha un'impresa con questa partita IVA.",
    ReviewRegistryUnavailable => "Il registro di riferimento non ha potuto confermare il soggetto.",
    ReviewRevocationUnknown => "La firma è valida ma non è stato possibile verificare che il \
         certificato non fosse revocato (la lista di revoca non era disponibile): un operatore \
         controlla il certificato.",
    ReviewNotLiveOwner => "Il profilo è già pubblicato e la conferma non viene dalla PEC o dal \
         firmatario che lo hanno pubblicato.",
    CfLength => "Il codice fiscale di una persona ha 16 caratteri (ne sono stati indicati {n}).",
    CfForm => "Il codice fiscale non ha la forma prevista: sei lettere, due cifre, \
         una lettera, due cifre, una lettera, tre cifre e una lettera finale \
         (per esempio RSSMRA85T10A562S).",
    CfMonth => "La lettera del mese di nascita nel codice fiscale non è valida.",
    CfDay => "Il giorno di nascita nel codice fiscale non è valido.",
    CfCheck => "Il carattere di controllo del codice fiscale non corrisponde: \
         verificare di averlo scritto correttamente.",
    EnterWhat => "Indicare {what}.",
    ElevenDigitsOnly => "{what} è formata solo da cifre.",
    ElevenDigitsLength => "{what} ha 11 cifre (ne sono state indicate {n}).",
    ElevenDigitsZeros => "{what} non può essere composta da soli zeri.",
    ElevenDigitsCheck => "La cifra di controllo non corrisponde: verificare di aver scritto correttamente {what}.",
    EnteCfLength => "Il codice fiscale di un ente ha 11 cifre, quello di una persona 16 caratteri \
         (ne sono stati indicati {n}).",
    TextTooLong => "{what} può avere al massimo {max} caratteri (ne ha {n}).",
    ClassCodeMaxLen => "Il codice della classe può avere al massimo {max} caratteri.",
    MatricolaMaxLen => "La matricola può avere al massimo {max} caratteri.",
    CellRequired => "{what} è obbligatorio: la cella è vuota.",
    CellControlChars => "{what} contiene caratteri non stampabili (per esempio un a capo o una tabulazione).",
    DateNotExists => "La data {date} non esiste.",
    HoursNotWholeMinutes => "{hours} ore non sono un numero intero di minuti: indicare i minuti nella colonna minuti, o arrotondare.",
    WholeNumberIs => "{what} un numero intero da {min} a {max}.",
    PreviousAbsenceHoursMax => "Le ore di assenza della scuola di provenienza non possono superare {max}.",
    TeacherWithoutClasses => "Per un docente indicare le classi in cui insegna (colonna classi), separate da spazi o virgole.",
    CoordinatesNotTaught => "Un docente coordina solo classi in cui insegna: {class} non è nella colonna classi.",
    ClassesOnlyForTeachers => "Le classi si indicano solo per il ruolo docente: per il ruolo {role} lasciare vuota la cella \
         (una persona che è anche docente va su un'altra riga, con ruolo docente).",
    EventHoursRange => "Le ore di un evento devono essere più di 0 e al massimo {max}.",
    TextTooShort => "{what} deve avere almeno {min} caratteri (ne ha {n}).",
    PathRepeated => "Il percorso «{path}» è già indicato in un'altra offerta.",
    MaxStudentsRange => "Il numero massimo di studenti è un numero intero da 1 a {max}.",
    TooManyPeriods => "Si possono indicare al massimo {max} periodi.",
    PeriodStartMissing => "Indicare la data di inizio del periodo.",
    PeriodEndMissing => "Indicare la data di fine del periodo.",
    ProfileDateForm => "La data va indicata come AAAA-MM-GG (per esempio 2026-03-02).",
    YearRange => "L'anno deve essere compreso fra il 2000 e il 2100.",
    DateNotInCalendar => "La data non esiste nel calendario.",
    TooManyFigures => "Si possono indicare al massimo {max} figure professionali.",
    FigureRepeated => "La figura {code} è già indicata.",
    TooManyPlaces => "Si possono indicare al massimo {max} luoghi.",
    HostKindMissing => "Scegliere il tipo di soggetto: impresa, professionista, ente pubblico o ente privato.",
    AtecoMissing => "Indicare il codice ATECO dell'attività dell'impresa.",
    BodyCfMissing => "Indicare il codice fiscale dell'ente.",
    PartitaIvaMissing => "Indicare la partita IVA dell'impresa.",
    OffersMissing => "Indicare almeno un percorso offerto: alternanza scuola-lavoro (PCTO) o apprendistato.",
    TooManyOffers => "Si può descrivere al massimo un'offerta per ciascun percorso (PCTO e apprendistato).",
    PathMissing => "Scegliere il percorso: PCTO o apprendistato.",
    MaxStudentsMissing => "Indicare il numero massimo di studenti.",
    PeriodsMissing => "Indicare almeno un periodo dell'anno in cui si accolgono studenti.",
    FiguresMissing => "Indicare almeno una figura professionale (classificazione CP 2011).",
    PlacesMissing => "Indicare almeno un luogo in cui si svolgerà l'attività, con l'indirizzo completo.",
    CapMissing => "Indicare il CAP.",
    CapForm => "Il CAP ha 5 cifre (per esempio 00184).",
    ComuneMissing => "Indicare il comune.",
    EmailForm => "L'indirizzo e-mail non ha una forma valida (per esempio nome@dominio.it).",
    ContactMissing => "Indicare almeno un indirizzo e-mail o un numero di telefono da contattare.",
    PecForm => "L'indirizzo PEC non ha una forma valida (per esempio ente@pec.it).",
    WebsiteForm => "L'indirizzo del sito inizia con https:// o http:// (per esempio https://www.esempio.it).",
    PhoneForm => "Il numero di telefono ha da 6 a 15 cifre, eventualmente precedute da + \
         (per esempio +39 06 1234567).",
    DraftTooLarge => "Il file è troppo grande ({kb} KB): una bozza di Ponte non supera i {max} KB. \
         Verificare di aver scelto il file giusto.",
    DraftNotJson => "Il file non è una bozza di Ponte: scegliere il file \
         salvato con «Salva bozza».",
    DraftForeignFormat => "Il file non è una bozza del profilo di Ponte: \
         scegliere il file salvato con «Salva bozza».",
    DraftOlderVersion => "La bozza è stata salvata con una versione precedente di Ponte (formato {found}) \
         che non è più possibile caricare: occorre compilare di nuovo il profilo.",
    DraftNewerVersion => "La bozza è stata salvata con una versione più recente di Ponte (formato {found}): \
         ricaricare la pagina e riprovare.",
    DraftTampered => "Il contenuto della bozza è stato modificato dopo il \
         salvataggio oppure il file è danneggiato: non è possibile caricarlo. Usare il \
         file così come è stato salvato.",
    DraftMalformed => "La bozza è danneggiata (campo «{path}»): non è possibile caricarla.",
    // Requests to the API: the body, the headers, the query.
    BodyIncomplete => "La richiesta non è arrivata per intero.",
    BodyInvalid => "Il corpo della richiesta non è valido: {detail}.",
    BodyNotJsonObject => "Il corpo della richiesta non è un oggetto JSON valido: {detail}.",
    FieldNotText => "Il campo «{field}» deve essere un testo.",
    FieldNotFlag => "Il campo «{field}» deve essere true o false.",
    HeaderUnreadable => "Intestazione non leggibile.",
    ClockOverrideMalformed => "{setting} non è valido ({value}): serve una data AAAA-MM-GG per {today}, \
         secondi Unix o RFC 3339 per {now}.",
    FormatJsonOrCsv => "Il formato deve essere json o csv.",
    ProvinceMissing => "Indicare la sigla della provincia.",
    // The school's imports.
    FileBytesRange => "Il file deve avere da 1 byte a {mb} MB.",
    ImportConcluded => "Questa importazione è già conclusa: per inviare di nuovo il file crearne una nuova.",
    ImportRejectedErrors => "Il file contiene {n} errori: non è stato importato nulla. Correggere le righe indicate e inviarlo di nuovo.",
    FirstLineRange => "Il numero della prima riga deve essere un intero da 2 in su.",
    PartsExceedFileSize => "Le parti inviate superano la dimensione dichiarata del file.",
    PartEmpty => "La parte è vuota: ogni parte inizia con la riga d'intestazione del file.",
    CalendarOnePart => "Il calendario si invia in un'unica parte: creare una nuova importazione.",
    // Hosts and their search.
    HostKindValue => "Il tipo di soggetto è uno fra impresa, professionista, ente_pubblico, ente_privato.",
    PathKindValue => "Il percorso è «pcto» oppure «apprendistato».",
    Cp2011CodeForm => "Il codice CP 2011 ha da uno a cinque livelli di una cifra separati da punti \
         (per esempio 6.2.3).",
    AtecoCodeForm => "Il codice ATECO ha la forma 62, 62.1, 62.10, 62.10.0 o 62.10.00.",
    AtecoCodeNotFound => "Il codice {code} non è nella classificazione ATECO 2025.",
    YearMonthForm => "Il mese va indicato come AAAA-MM (per esempio 2026-03).",
    PeriodReversed => "La fine del periodo precede l'inizio.",
    PeriodTooLong => "Un periodo non può superare i due anni.",
    // Publishing a profile.
    ProfileInvalid => "Il profilo non è valido.",
    PlaceMissing => "Indicare almeno una sede.",
    IpaCodeNotFound => "Il codice «{code}» non è presente nell'Indice delle Pubbliche \
         Amministrazioni (IPA): verificare il codice iPA o il Codice Univoco Ufficio.",
    PrivacyNotAccepted => "Per continuare occorre leggere e accettare l'informativa sul trattamento dei \
         dati personali.",
    PrivacyVersionChanged => "L'informativa sul trattamento dei dati è stata aggiornata: leggerla e \
         accettarla di nuovo prima di inviare.",
    PublicationInReview => "Una conferma di questo soggetto è in verifica presso un operatore di \
         Ponte: non è possibile inviare un'altra dichiarazione finché la verifica non è conclusa.",
    DeclarationBySignature => "Questa dichiarazione si conferma con la firma digitale del legale \
         rappresentante, non con un messaggio PEC.",
    DeclarationCodeUsed => "Questo codice è già stato usato: il profilo è pubblicato. Per modificarlo, \
         compilare di nuovo il profilo e inviare una nuova dichiarazione.",
    DeclarationCodeExpired => "Questo codice è scaduto o non è più valido: inviare di nuovo il profilo per \
         ricevere un nuovo codice.",
    DeclarationCodeUsedOrExpired => "Questo codice è già stato usato o è scaduto: nulla è stato pubblicato.",
    // A PEC message or a signed file (domain::mail).
    MailNotPec => "Il messaggio non è una PEC: inviarlo da una casella di posta elettronica certificata.",
    MailNotSigned => "Il messaggio o il file non porta la firma prevista.",
    MailMalformed => "Il messaggio o il file non è leggibile: {detail}.",
    MailDigestMismatch => "Il contenuto è stato modificato dopo la firma.",
    MailBadSignature => "La firma non è valida.",
    MailUntrustedSigner => "La firma non è di un gestore PEC riconosciuto.",
    MailCertificateExpired => "Il certificato di firma è scaduto.",
    MailCertificateNotYetValid => "Il certificato di firma non è ancora valido.",
    MailNoSignerFiscalCode => "Il certificato di firma non riporta il codice fiscale del firmatario: usare un \
         certificato di firma qualificata personale.",
    MailMismatch => "I dati certificati dal gestore PEC non corrispondono al messaggio originale ({field}).",
    MailTooLarge => "Il messaggio o il file è troppo grande: al massimo {pec_mb} MB per una PEC (senza \
         allegati) e {p7m_mb} MB per un file firmato.",
    MailUnsupportedAlgorithm => "La firma usa un algoritmo non accettato ({detail}).",
    MailDetached => "Il file contiene la sola firma, senza il documento: firmare il documento in formato \
         CAdES (.p7m) con il documento incluso.",
    MailNotQualified => "Il certificato di firma non è stato emesso da un prestatore di servizi fiduciari \
         qualificato dell'elenco nazionale (AgID): serve una firma digitale qualificata.",
    MailNoNonRepudiation => "Il certificato di firma non è destinato a firmare documenti (manca l'uso \
         «non ripudio»): usare il certificato di firma digitale, non quello di autenticazione.",
    MailNotQualifiedCertificate => "Il certificato di firma non è un certificato qualificato per la firma \
         digitale su dispositivo sicuro: serve una firma digitale qualificata.",
    MailRevoked => "Il certificato di firma era revocato o sospeso quando il documento è stato firmato.",
    MailRevocationUnknown => "Non è stato possibile verificare che il certificato di firma non sia revocato \
         ({detail}): la firma non può essere accettata ora. Riprovare più tardi.",
    // Phrases, said inside other messages in place of `{what}` (with their article; one that
    // opens a message is written with a capital letter).
    PhraseTitle => "il titolo",
    PhraseNoticeText => "il testo",
    PhraseReviewNote => "la motivazione",
    DeclarationNotInReview => "Questa dichiarazione non è in verifica: è già stata decisa, oppure la sua \
         conferma non è ancora arrivata.",
    PhrasePartitaIva => "la partita IVA",
    PhraseNumericCf => "la partita IVA o il codice fiscale numerico",
    PhraseDescription => "la descrizione",
    PhraseSurname => "il cognome",
    PhraseName => "il nome",
    PhraseWeeklyHoursMustBe => "le ore settimanali devono essere",
    PhraseMondayHoursMustBe => "le ore del lunedì devono essere",
    PhraseTuesdayHoursMustBe => "le ore del martedì devono essere",
    PhraseWednesdayHoursMustBe => "le ore del mercoledì devono essere",
    PhraseThursdayHoursMustBe => "le ore del giovedì devono essere",
    PhraseFridayHoursMustBe => "le ore del venerdì devono essere",
    PhraseSaturdayHoursMustBe => "le ore del sabato devono essere",
    PhrasePersonalisedHoursMustBe => "il monte ore personalizzato deve essere",
    PhraseEventMinutesMustBe => "i minuti di un evento devono essere",
    PhraseHostName => "la denominazione",
    PhraseHostDescription => "la descrizione del soggetto",
    PhraseSupplyChain => "la descrizione dei rapporti con gli operatori della filiera",
    PhraseStructuralCapacity => "la descrizione delle capacità strutturali",
    PhraseTechnologicalCapacity => "la descrizione delle capacità tecnologiche",
    PhraseOrganisationalCapacity => "la descrizione delle capacità organizzative",
    PhraseRepresentativeCf => "il codice fiscale del legale rappresentante",
    PhraseProfessionalCf => "il codice fiscale del professionista",
    PhraseActivity => "la descrizione delle attività da svolgere",
    PhraseAddress => "l'indirizzo",
    PhraseContactRole => "il ruolo della persona da contattare",
    PhraseFileName => "il nome del file",
}

/// A placeholder's value: written as given, or a phrase of the catalogue (such as «la
/// denominazione») that a page says in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Value(String),
    Phrase(Msg),
}

/// What can fill a placeholder: any `Display` value as written, or a `Msg` as a phrase.
pub trait ToArg {
    fn to_arg(&self) -> Arg;
}

impl<T: Display + ?Sized> ToArg for T {
    fn to_arg(&self) -> Arg {
        Arg::Value(self.to_string())
    }
}

impl ToArg for Msg {
    fn to_arg(&self) -> Arg {
        Arg::Phrase(*self)
    }
}

/// A message with the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub msg: Msg,
    pub args: Vec<(&'static str, Arg)>,
}

impl Text {
    pub fn new(msg: Msg, args: &[(&'static str, &dyn ToArg)]) -> Text {
        Text {
            msg,
            args: args.iter().map(|(k, v)| (*k, v.to_arg())).collect(),
        }
    }

    /// `template` (this message in some language) with the values filled in, phrases said by
    /// `say` (the same language's catalogue). A phrase that opens the template starts with a
    /// capital letter.
    pub fn fill(&self, template: &str, say: impl Fn(Msg) -> &'static str) -> String {
        substitute(template, |key, opens| {
            let (_, arg) = self.args.iter().find(|(k, _)| *k == key)?;
            Some(match arg {
                Arg::Value(s) => s.clone(),
                Arg::Phrase(m) if opens => capitalise(say(*m)),
                Arg::Phrase(m) => say(*m).to_owned(),
            })
        })
    }

    /// The Italian text.
    pub fn italian(&self) -> String {
        self.fill(self.msg.it(), Msg::it)
    }
}

/// `template` with each `{name}` placeholder replaced by `value(name, opens)` (`opens`: the
/// placeholder starts the template); a placeholder without a value stays as written. One pass:
/// a value is never searched for placeholders itself. The one placeholder filler of the code
/// base (the pages' catalogues use it too).
pub fn substitute(template: &str, mut value: impl FnMut(&str, bool) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            break;
        };
        let key = &after[..end];
        let opens = out.is_empty() && start == 0;
        match value(key, opens) {
            Some(v) => {
                out.push_str(&rest[..start]);
                out.push_str(&v);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[..=start]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `s` with its first letter in upper case. Not `char::to_uppercase`: its Unicode table is
/// 12 KB of the phone's bundle (measured with twiggy), for a phrase that opens a sentence. The
/// letters covered are those of Ponte's languages that have case (Latin-1, Latin Extended-A,
/// Romanian's comma letters, Cyrillic); a test checks each against the standard library, and
/// any other letter is left as it is.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => {
            let mut out = String::with_capacity(s.len());
            out.push(upper(first));
            out.push_str(c.as_str());
            out
        }
        None => String::new(),
    }
}

fn upper(c: char) -> char {
    let u = c as u32;
    let odd = u % 2 == 1;
    let to = match u {
        0x61..=0x7a => u - 32,
        0xe0..=0xfe if u != 0xf7 => u - 32,
        0xff => 0x178,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 | 0x218..=0x21b if odd => u - 1,
        0x139..=0x148 | 0x179..=0x17e if !odd => u - 1,
        0x430..=0x44f => u - 32,
        0x450..=0x45f => u - 80,
        0x491 => 0x490,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The `{name}` placeholders of a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end)
                if end > 0
                    && after[..end]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    crate::sort::sort(&mut out);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_listed_once() {
        for (i, m) in Msg::ALL.iter().enumerate() {
            assert_eq!(Msg::ALL.iter().position(|x| x == m), Some(i));
            assert!(!m.it().is_empty());
        }
    }

    #[test]
    fn values_fill_their_placeholders() {
        let t = Text::new(Msg::WeeklyHoursRange, &[("max", &60)]);
        assert_eq!(
            t.italian(),
            "Le ore settimanali devono essere un numero intero da 1 a 60."
        );
        assert_eq!(placeholders(Msg::WeeklyHoursRange.it()), vec!["max"]);
        assert_eq!(placeholders("«{a}» {b} {a} {} {x y}"), vec!["a", "b"]);
    }

    #[test]
    fn a_phrase_is_said_in_the_same_language_and_opens_with_a_capital() {
        let t = Text::new(
            Msg::TextTooLong,
            &[("what", &Msg::PhraseSurname), ("max", &60), ("n", &61)],
        );
        assert_eq!(
            t.italian(),
            "Il cognome può avere al massimo 60 caratteri (ne ha 61)."
        );
        let t = Text::new(Msg::EnterWhat, &[("what", &Msg::PhrasePartitaIva)]);
        assert_eq!(t.italian(), "Indicare la partita IVA.");
        assert_eq!(t.fill("«{what}»", |_| "x"), "«x»");
    }

    #[test]
    fn placeholders_are_filled_in_one_pass() {
        let v = |k: &str, _| match k {
            "a" => Some("{b}".to_owned()),
            "b" => Some("B".to_owned()),
            _ => None,
        };
        assert_eq!(substitute("{a} {b} {a} {c} {", v), "{b} B {b} {c} {");
        assert_eq!(substitute("", v), "");
        assert_eq!(
            substitute("x{a}", |_, opens| Some(opens.to_string())),
            "xfalse"
        );
        assert_eq!(
            substitute("{a}x", |_, opens| Some(opens.to_string())),
            "truex"
        );
    }

    #[test]
    fn capitals_agree_with_the_standard_library() {
        let ranges = [0x20..0x250u32, 0x400..0x460, 0x490..0x492];
        let mut changed = 0;
        for u in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(u) else { continue };
            let std: Vec<char> = c.to_uppercase().collect();
            let ours = upper(c);
            if ours != c {
                changed += 1;
                assert_eq!(std, vec![ours], "{c} U+{u:04X}");
            } else if std.len() == 1 && std[0] != c {
                // Left alone only outside the alphabets Ponte writes in.
                assert!(
                    (0x180..0x218).contains(&u)
                        || (0x21c..0x250).contains(&u)
                        || u == 0x131
                        || u == 0x17f
                        || u == 0xb5
                        || (0x460..0x490).contains(&u),
                    "{c} U+{u:04X} has an upper case"
                );
            }
        }
        assert!(changed > 150, "{changed}");
        assert_eq!(capitalise("è già"), "È già");
        assert_eq!(capitalise("ștampila"), "Ștampila");
        assert_eq!(capitalise("ґанок"), "Ґанок");
        assert_eq!(capitalise("اسم"), "اسم");
        assert_eq!(capitalise(""), "");
    }

    #[test]
    fn a_message_without_values_is_found_from_its_italian() {
        for m in Msg::ALL {
            if placeholders(m.it()).is_empty() {
                assert_eq!(Msg::from_italian(m.it()), Some(*m), "{m:?}");
            }
        }
        assert_eq!(Msg::from_italian(Msg::WeeklyHoursRange.it()), None);
        assert_eq!(Msg::from_italian("Testo libero."), None);
    }
}
