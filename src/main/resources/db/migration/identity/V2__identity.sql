create table workspaces (
    id uuid primary key,
    slug varchar(64) not null unique,
    name varchar(120) not null,
    created_at timestamp with time zone not null
);

create table user_accounts (
    id uuid primary key,
    email varchar(254) not null unique,
    display_name varchar(120) not null,
    password_hash varchar(255) not null,
    locale varchar(10),
    failed_sign_ins integer not null default 0,
    locked_until timestamp with time zone,
    created_at timestamp with time zone not null,
    -- The instance operator reads instance-wide figures (metrics, the pipeline page).
    operator boolean default false not null
);

create table memberships (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    user_id uuid not null references user_accounts (id),
    role varchar(16) not null,
    created_at timestamp with time zone not null,
    constraint memberships_once unique (workspace_id, user_id)
);
create index memberships_by_user on memberships (user_id);

create table teams (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    name varchar(80) not null,
    created_at timestamp with time zone not null,
    constraint teams_name_once unique (workspace_id, name)
);

create table team_members (
    team_id uuid not null references teams (id) on delete cascade,
    user_id uuid not null references user_accounts (id),
    primary key (team_id, user_id)
);

create table api_tokens (
    id uuid primary key,
    user_id uuid not null references user_accounts (id),
    name varchar(80) not null,
    token_hash varchar(64) not null unique,
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone
);

create table audit_entries (
    id uuid primary key,
    workspace_id uuid,
    actor_id uuid,
    actor_email varchar(254),
    action varchar(64) not null,
    detail varchar(2000),
    remote_address varchar(64),
    occurred_at timestamp with time zone not null
);
create index audit_entries_by_workspace on audit_entries (workspace_id, occurred_at);
