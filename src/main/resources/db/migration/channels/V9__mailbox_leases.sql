-- Which node reads each mailbox: one reader per mailbox across nodes, renewed on every refresh.
create table mailbox_leases (
    connection_id uuid primary key references channel_connections (id) on delete cascade,
    node_id uuid not null,
    lease_until timestamp with time zone not null
);
