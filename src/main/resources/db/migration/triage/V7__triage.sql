-- What triage concluded about each inbound message; an agent's correction is kept beside it.
create table message_triage (
    message_id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    conversation_id uuid not null,
    contact_id uuid,
    channel_type varchar(40) not null,
    language varchar(8) not null,
    language_confidence double precision not null,
    sentiment varchar(16) not null,
    sentiment_score double precision not null,
    sentiment_reasons varchar(1000) not null,
    toxic boolean not null,
    toxicity_score double precision not null,
    toxic_terms varchar(500) not null,
    intent varchar(32) not null,
    intent_confidence double precision not null,
    intent_reasons varchar(1000) not null,
    intent_decided_by varchar(16) not null,
    troll_verdict varchar(32) not null,
    troll_reasons varchar(1000) not null,
    priority_score integer not null,
    model_version integer not null,
    corrected_sentiment varchar(16),
    corrected_intent varchar(32),
    created_at timestamp with time zone not null
);
create index message_triage_by_contact on message_triage (workspace_id, contact_id, created_at);
create index message_triage_by_conversation on message_triage (conversation_id);

-- Agents' corrections: the workspace's own training data. One row per message and kind.
create table triage_corrections (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    message_id uuid not null,
    kind varchar(16) not null,
    predicted varchar(32) not null,
    corrected varchar(32) not null,
    text varchar(4000) not null,
    corrected_by uuid not null references user_accounts (id),
    corrected_at timestamp with time zone not null,
    unique (message_id, kind)
);
create index triage_corrections_by_workspace on triage_corrections (workspace_id, corrected_at);

-- Each retraining of a workspace's models; the active one classifies, earlier ones are kept.
create table triage_models (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    version integer not null,
    trained_at timestamp with time zone not null,
    examples integer not null,
    corrections integer not null,
    heldout_size integer not null,
    sentiment_f1 double precision not null,
    intent_f1 double precision not null,
    previous_sentiment_f1 double precision,
    previous_intent_f1 double precision,
    active boolean not null,
    outcome varchar(300) not null,
    sentiment_model bytea,
    intent_model bytea,
    unique (workspace_id, version)
);
