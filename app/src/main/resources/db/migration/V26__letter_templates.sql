-- The first versions of the letter templates. Administrators edit them at /brevmaler; each save is a new version.
-- Text format: blocks separated by a blank line; a block starting with "## " is a heading; {{...}} are placeholders.

insert into letter_template (kind, language, version, title, body, created_at, created_by) values
('DECISION', 'nb', 1, 'Vedtak om bosettingskommune', $t$Integrerings- og mangfoldsdirektoratet (IMDi) har fattet vedtak om at du, {{navn}} (født {{fodselsdato}}, DUF-nummer {{duf}}), skal bosettes i {{kommune}} kommune. Planlagt bosettingsdato er {{planlagtDato}}.

## Vedtak
Du får tilbud om bosetting i {{kommune}} kommune. Kommunen har sagt ja til å bosette deg, og du får hjelp til bolig og til å komme i gang med livet i kommunen.

## Du får bare ett tilbud
Dette er det eneste tilbudet om bosetting med offentlig hjelp som du får. Du kan ikke velge en annen kommune, og du får ikke et nytt tilbud senere.

## Du kan ikke klage
Vedtaket om bosettingskommune kan ikke påklages.

## Hvis du takker nei
Du kan takke nei til tilbudet. Da må du selv finne et sted å bo, uten hjelp fra det offentlige. Du mister retten til å delta i introduksjonsprogram og retten til introduksjonsstønad. Du mister også plassen din i mottak. Snakk med mottaket eller IMDi før du bestemmer deg, så forklarer vi hva det betyr for deg.

## Hva skjer nå
Mottaket hjelper deg med å forberede flyttingen. Kommunen kontakter deg om bolig og om oppstart i introduksjonsprogrammet. Når du har flyttet, registrerer kommunen datoen du ble bosatt. Er du mellom 18 og 55 år, har du rett og plikt til å delta i introduksjonsprogram.

## Kontakt
Har du spørsmål, kontakt mottaket ditt, kommunen eller IMDi (telefon 24 16 88 00, post@imdi.no). Oppgi saksnummer {{saksreferanse}}.

## Hjemmel
Vedtaket er fattet med hjemmel i integreringsloven § 11.

Dato: {{dato}}$t$, now(), 'system'),

('DECISION', 'en', 1, 'Decision on settlement municipality', $t$The Directorate of Integration and Diversity (IMDi) has decided that you, {{navn}} (born {{fodselsdato}}, DUF number {{duf}}), will be settled in the municipality of {{kommune}}. The planned settlement date is {{planlagtDato}}.

## Decision
You are offered settlement in the municipality of {{kommune}}. The municipality has agreed to settle you, and you will get help with housing and with starting your life there.

## You get one offer only
This is the only offer of settlement with public assistance that you will get. You cannot choose another municipality, and you will not get a new offer later.

## You cannot appeal
The decision on settlement municipality cannot be appealed.

## If you decline
You may decline the offer. You must then find a place to live yourself, without public assistance. You lose the right to take part in the introduction programme and the right to the introduction benefit. You also lose your place in the reception centre. Talk to the reception centre or IMDi before you decide, and we will explain what it means for you.

## What happens next
The reception centre helps you prepare the move. The municipality will contact you about housing and about starting the introduction programme. When you have moved, the municipality registers the date you were settled. If you are between 18 and 55 years old, you have the right and the duty to take part in the introduction programme.

## Contact
If you have questions, contact your reception centre, the municipality or IMDi (telephone +47 24 16 88 00, post@imdi.no). Give the case number {{saksreferanse}}.

## Legal basis
The decision is made under section 11 of the Integration Act (integreringsloven § 11).

Date: {{dato}}$t$, now(), 'system'),

('DECISION', 'uk', 1, 'Рішення про муніципалітет поселення', $t$Директорат з питань інтеграції та різноманіття (IMDi) ухвалив рішення про те, що вас, {{navn}} (дата народження {{fodselsdato}}, номер DUF {{duf}}), буде поселено в муніципалітеті {{kommune}}. Запланована дата поселення — {{planlagtDato}}.

## Рішення
Вам пропонують поселення в муніципалітеті {{kommune}}. Муніципалітет погодився прийняти вас, і ви отримаєте допомогу з житлом та з початком життя в муніципалітеті.

## Ви отримуєте лише одну пропозицію
Це єдина пропозиція поселення з державною допомогою, яку ви отримаєте. Ви не можете обрати інший муніципалітет, і пізніше ви не отримаєте нової пропозиції.

## Ви не можете оскаржити рішення
Рішення про муніципалітет поселення не підлягає оскарженню.

## Якщо ви відмовитеся
Ви можете відмовитися від пропозиції. Тоді ви маєте самостійно знайти місце проживання, без державної допомоги. Ви втрачаєте право на участь у вступній програмі та право на вступну допомогу. Ви також втрачаєте місце в центрі прийому. Поговоріть із центром прийому або з IMDi, перш ніж ухвалювати рішення, і ми пояснимо, що це означає для вас.

## Що відбуватиметься далі
Центр прийому допоможе вам підготуватися до переїзду. Муніципалітет зв'яжеться з вами щодо житла та початку вступної програми. Після переїзду муніципалітет зареєструє дату вашого поселення. Якщо вам від 18 до 55 років, ви маєте право та обов'язок брати участь у вступній програмі.

## Контакти
Якщо у вас є запитання, зверніться до свого центру прийому, до муніципалітету або до IMDi (телефон +47 24 16 88 00, post@imdi.no). Вкажіть номер справи {{saksreferanse}}.

## Правова підстава
Рішення ухвалено на підставі § 11 Закону про інтеграцію (integreringsloven § 11).

Дата: {{dato}}$t$, now(), 'system'),

('MUNICIPALITY_AGREEMENT', 'nb', 1, 'Avtalt bosetting – sak {{saksreferanse}}', $t$Til {{kommune}} kommune

IMDi bekrefter at {{kommune}} kommune har sagt ja til å bosette husstanden i sak {{saksreferanse}}, {{antall}} personer. Første planlagte bosettingsdato er {{planlagtDato}}.

## Personer og planlagt bosettingsdato
{{personer}}

## Vedtak om bosettingskommune
IMDi har i dag fattet vedtak om bosettingskommune for hver person i husstanden etter integreringsloven § 11. Flyktningene får bare ett tilbud og kan ikke klage på vedtaket. Takker de nei, mister de retten til introduksjonsprogram og introduksjonsstønad.

## Hva kommunen gjør nå
Kommunen skaffer bolig, tar kontakt med husstanden og mottaket før flyttingen, og registrerer bosettingsdatoen for hver person i Bosetting når de har flyttet inn. Endres planlagt dato, registrer den nye datoen, så sender IMDi et oppdatert brev.

## Personvern
Opplysningene om husstanden er taushetsbelagte og skal bare brukes til bosettingen og oppfølgingen av den.

## Kontakt
Spørsmål om saken sendes som melding i saken i Bosetting, eller til IMDi på telefon 24 16 88 00. Oppgi saksnummer {{saksreferanse}}.

Dato: {{dato}}$t$, now(), 'system');
