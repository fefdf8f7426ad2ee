create table channel_connections (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    type varchar(32) not null,
    name varchar(120) not null,
    settings varchar(20000) not null,
    enabled boolean not null,
    created_at timestamp with time zone not null
);
create index channel_connections_by_workspace on channel_connections (workspace_id, type);

-- One row per inbound provider message: the idempotency key of every channel.
create table inbound_receipts (
    id uuid primary key,
    connection_id uuid not null references channel_connections (id),
    provider_message_id varchar(998) not null,
    received_at timestamp with time zone not null,
    constraint inbound_receipts_once unique (connection_id, provider_message_id)
);

create table stored_files (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    file_name varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes bigint not null,
    sha256 varchar(64) not null,
    storage_path varchar(500) not null,
    created_at timestamp with time zone not null
);

-- The outbound outbox: one row per reply, retried until delivered or failed for good.
create table outbound_deliveries (
    id uuid primary key,
    message_id uuid not null unique,
    workspace_id uuid not null references workspaces (id),
    connection_id uuid not null references channel_connections (id),
    request varchar(1000000) not null,
    status varchar(16) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    last_error varchar(2000),
    provider_message_id varchar(998),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);
create index outbound_deliveries_due on outbound_deliveries (status, next_attempt_at);

create table email_checkpoints (
    connection_id uuid primary key references channel_connections (id),
    folder varchar(200) not null,
    uid_validity bigint not null,
    last_uid bigint not null,
    updated_at timestamp with time zone not null
);

create table webchat_visitors (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    connection_id uuid not null references channel_connections (id),
    token_hash varchar(64) not null unique,
    name varchar(120),
    email varchar(254),
    created_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null
);

create table webchat_lines (
    id uuid primary key,
    visitor_id uuid not null references webchat_visitors (id),
    from_visitor boolean not null,
    author_name varchar(120),
    body varchar(20000) not null,
    created_at timestamp with time zone not null
);
create index webchat_lines_by_visitor on webchat_lines (visitor_id, created_at);
