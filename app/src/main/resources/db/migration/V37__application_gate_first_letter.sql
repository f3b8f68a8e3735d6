-- Issue 20 items 5, 8 and 9: the private residents' application decides, the first letter after the permit,
-- and every self-settlement request recorded (also one refused at once).
--
-- Item 5 adds the case statuses AWAITING_APPLICATION and APPLICATION_DEADLINE_MISSED (settlement_case.status has no
-- check constraint) and the close reason APPLICATION_REFUSED (closed_reason has none either), so no column changes.
-- ASSUMED for the cases already in the flow when this lands: no row is changed. A private resident whose case is
-- under mapping or further on was let into the flow by the practice before this rule (IMDi searched private residents
-- out and contacted the municipality, report 000 around lines 3139–3167), so it keeps its state, whether or not an
-- application was ever sent or accepted. Only permits registered from now on start in AWAITING_APPLICATION.

-- Item 8: the first letter to the refugee after the permit, written from versioned templates per language.
alter table letter_template drop constraint letter_template_kind_check;
alter table letter_template add constraint letter_template_kind_check
    check (kind in ('DECISION', 'MUNICIPALITY_AGREEMENT', 'FIRST_LETTER'));
alter table letter drop constraint letter_kind_check;
alter table letter add constraint letter_kind_check check (kind in ('DECISION', 'MUNICIPALITY_AGREEMENT', 'FIRST_LETTER'));
-- A first letter is written before any municipality is involved.
alter table letter alter column municipality_number drop not null;
alter table letter add constraint letter_municipality_check check (kind = 'FIRST_LETTER' or municipality_number is not null);
-- FALLBACK: the person's language has no template, so the letter is in bokmål and English and says so.
alter table letter drop constraint letter_language_basis_check;
alter table letter add constraint letter_language_basis_check
    check (language_basis in ('CITIZENSHIP', 'INTERVIEW', 'DEFAULT', 'MUNICIPALITY', 'FALLBACK'));
-- One first letter per person.
create unique index letter_first_letter_person on letter (person_id) where kind = 'FIRST_LETTER';

insert into letter_template (kind, language, version, title, body, created_at, created_by) values
('FIRST_LETTER', 'nb', 1, 'Du har fått oppholdstillatelse – dette skjer nå', $t$Hei {{navn}}. Du har fått oppholdstillatelse i Norge ({{tillatelsesdato}}). Saksnummeret ditt hos IMDi er {{saksreferanse}}. I dette brevet står det hva som skjer nå, og hvilke rettigheter og plikter du har.

## Bosettingssamtale
Du skal ha en bosettingssamtale med tolk. {{samtale}} I samtalen snakker dere om familie og nettverk i Norge, utdanning, arbeid og behov du har. Helseopplysninger gir du bare hvis du samtykker.

## Avtalt selvbosetting
Hvis du selv finner en bolig i en kommune som tar imot avtalt selvbosetting, kan du be om å bo der. {{selvbosetting}}

## Søknadsfrist hvis du bor privat
{{soknadsfrist}}

## Dine rettigheter
Når du blir bosatt med offentlig hjelp, har du rett og plikt til å delta i introduksjonsprogram, og du kan få introduksjonsstønad. Du får bare ett tilbud om bosettingskommune. Hvis du takker nei, eller bosetter deg på egen hånd, mister du retten til introduksjonsprogram og introduksjonsstønad.

## Spørsmål
Ta kontakt med mottaket eller IMDi hvis du har spørsmål. Du kan også lese brevene dine og sende søknad på Min side.$t$, '2026-01-01T00:00:00Z', 'system'),
('FIRST_LETTER', 'en', 1, 'You have been granted a residence permit – what happens now', $t$Hello {{navn}}. You have been granted a residence permit in Norway ({{tillatelsesdato}}). Your case number at IMDi is {{saksreferanse}}. This letter tells you what happens now, and your rights and duties.

## Settlement interview
You will have a settlement interview with an interpreter. {{samtale}} In the interview you talk about family and network in Norway, education, work and any needs you have. You give health information only if you consent.

## Agreed self-settlement
If you find a dwelling yourself in a municipality that accepts agreed self-settlement, you may ask to live there. {{selvbosetting}}

## Application deadline if you live privately
{{soknadsfrist}}

## Your rights
When you are settled with public help, you have the right and the duty to take part in the introduction programme, and you may receive the introduction benefit. You get only one offer of a settlement municipality. If you decline it, or settle on your own, you lose the right to the introduction programme and the introduction benefit.

## Questions
Contact the reception centre or IMDi if you have questions. You can also read your letters and send an application on My page.$t$, '2026-01-01T00:00:00Z', 'system'),
('FIRST_LETTER', 'uk', 1, 'Ви отримали дозвіл на проживання – що буде далі', $t$Вітаємо, {{navn}}. Ви отримали дозвіл на проживання в Норвегії ({{tillatelsesdato}}). Номер вашої справи в IMDi: {{saksreferanse}}. У цьому листі описано, що буде далі, а також ваші права та обов’язки.

## Співбесіда щодо поселення
У вас буде співбесіда щодо поселення з перекладачем. {{samtale}} На співбесіді ви розповідаєте про родину та знайомих у Норвегії, освіту, роботу та ваші потреби. Інформацію про здоров’я ви надаєте лише за вашою згодою.

## Погоджене самостійне поселення
Якщо ви самі знайдете житло в муніципалітеті, який приймає погоджене самостійне поселення, ви можете попросити дозволу жити там. {{selvbosetting}}

## Строк подання заяви, якщо ви живете приватно
{{soknadsfrist}}

## Ваші права
Коли вас поселять за державної допомоги, ви маєте право й обов’язок брати участь у вступній програмі та можете отримувати вступну допомогу. Ви отримаєте лише одну пропозицію муніципалітету поселення. Якщо ви відмовитеся або поселитеся самостійно, ви втратите право на вступну програму та вступну допомогу.

## Запитання
Зверніться до центру прийому або до IMDi, якщо маєте запитання. На «Моїй сторінці» ви також можете читати свої листи й подати заяву.$t$, '2026-01-01T00:00:00Z', 'system');

-- Item 9: a request to a municipality that does not take part is stored, refused at once, with this reason.
-- (refusal_reason has no check constraint; the new value is NOT_PARTICIPATING.)
