-- How and when a person was informed of the consequence before the case was closed or the offer
-- declined (settlement-process §4.3): one row per closing or declining, written in the same
-- transaction as the status change, never changed afterwards.
create table consequence_information (
    id                bigserial primary key,
    case_id           bigint not null references settlement_case (id),
    command           text not null check (command in ('CLOSE', 'DECLINE_OFFER')),
    informed_on       date not null,
    channel           text not null check (channel in ('CONVERSATION_WITH_INTERPRETER', 'CONVERSATION_WITHOUT_INTERPRETER',
                                                       'LETTER', 'PHONE', 'DIGITAL_MESSAGE')),
    language          text not null,
    interpreter       text,
    informed_by       text not null,
    informed_by_role  text not null,
    created_at        timestamptz not null,
    created_by        text not null,
    check (channel <> 'CONVERSATION_WITH_INTERPRETER' or interpreter is not null)
);
create index consequence_information_case on consequence_information (case_id, created_at);
