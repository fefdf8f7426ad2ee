create table notifications (
    id uuid primary key,
    workspace_id uuid not null references workspaces (id),
    user_id uuid not null references user_accounts (id),
    kind varchar(32) not null,
    conversation_id uuid,
    title varchar(300) not null,
    body varchar(500),
    created_at timestamp with time zone not null,
    read_at timestamp with time zone,
    message_id uuid
);
create index notifications_by_user on notifications (user_id, workspace_id, created_at);
-- A notification is made once per (message, recipient, kind), however often its event arrives.
create unique index notifications_once on notifications (message_id, user_id, kind);

create table notification_preferences (
    user_id uuid not null references user_accounts (id),
    kind varchar(32) not null,
    in_app boolean not null,
    browser boolean not null,
    email boolean not null,
    primary key (user_id, kind)
);
