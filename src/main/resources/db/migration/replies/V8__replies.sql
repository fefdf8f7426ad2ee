-- Model answers per situation (seed 003), personalised before sending.
create table canned_replies (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    name varchar(120) not null,
    intent varchar(32),
    language varchar(8) not null,
    body varchar(4000) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index canned_replies_by_workspace on canned_replies (workspace_id, language, intent);
