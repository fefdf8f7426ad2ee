create table contacts (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    name varchar(200),
    created_at timestamp with time zone not null,
    merged_into uuid
);
create index contacts_by_workspace on contacts (workspace_id, created_at);

create table contact_identities (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    contact_id uuid not null references contacts (id),
    kind varchar(24) not null,
    address varchar(320) not null,
    constraint contact_identities_once unique (workspace_id, kind, address)
);
create index contact_identities_by_contact on contact_identities (contact_id);

create table conversations (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    number bigint not null,
    reference_token varchar(16) not null unique,
    connection_id uuid not null references channel_connections (id),
    channel_type varchar(32) not null,
    contact_id uuid not null references contacts (id),
    thread_key varchar(200),
    reply_to_kind varchar(24) not null,
    reply_to_address varchar(320) not null,
    reply_to_name varchar(200),
    subject varchar(500),
    status varchar(16) not null,
    priority varchar(16) not null,
    assignee_id uuid,
    team_id uuid,
    snoozed_until timestamp with time zone,
    created_at timestamp with time zone not null,
    last_message_at timestamp with time zone not null,
    last_inbound_at timestamp with time zone,
    first_response_at timestamp with time zone,
    first_response_seconds bigint,
    preview varchar(300),
    message_count integer not null,
    version bigint not null,
    constraint conversations_number_once unique (workspace_id, number)
);
create index conversations_list on conversations (workspace_id, status, last_message_at);
create index conversations_by_assignee on conversations (workspace_id, assignee_id);
create index conversations_by_contact on conversations (contact_id);
create index conversations_by_thread on conversations (connection_id, thread_key);

create table conversation_tags (
    conversation_id uuid not null references conversations (id) on delete cascade,
    tag varchar(60) not null,
    primary key (conversation_id, tag)
);

create table messages (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    conversation_id uuid not null references conversations (id),
    kind varchar(16) not null,
    author_user_id uuid,
    author_name varchar(200),
    body_text varchar(1000000) not null,
    body_html varchar(1000000),
    connection_id uuid,
    provider_message_id varchar(998),
    delivery_status varchar(16),
    delivery_error varchar(2000),
    automated boolean not null,
    created_at timestamp with time zone not null,
    -- Threaded in by the conversation's reference token but sent by someone who is not its
    -- contact: shown with a warning, and replies keep going to the contact.
    from_other_sender boolean default false not null,
    constraint messages_provider_once unique (connection_id, provider_message_id)
);
create index messages_by_conversation on messages (conversation_id, created_at);
create index messages_by_provider_id on messages (workspace_id, provider_message_id);

create table message_attachments (
    id uuid primary key,
    message_id uuid not null references messages (id),
    file_id uuid not null references stored_files (id),
    file_name varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes bigint not null
);
create index message_attachments_by_message on message_attachments (message_id);

-- Per-workspace conversation numbers; the row lock taken by the increment serializes allocation.
create table conversation_counters (
    workspace_id uuid primary key references workspaces (id),
    last_number bigint not null
);
