create table agent_presence (
    user_id uuid primary key references user_accounts (id),
    chosen_status varchar(16) not null,
    last_heartbeat_at timestamp with time zone,
    last_activity_at timestamp with time zone,
    updated_at timestamp with time zone not null
);
