-- The application's own infrastructure, owned by no business module.

-- Spring Modulith's event publication registry: the transactional outbox of domain events.
create table event_publication (
    id uuid primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(1000000) not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone,
    status varchar(20),
    completion_attempts integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener on event_publication (listener_id);
create index event_publication_by_completion on event_publication (completion_date);

-- ShedLock: a scheduled job (retries, snooze wake-up, event resubmission) runs on one node at a time.
create table shedlock (
    name varchar(64) primary key,
    lock_until timestamp with time zone not null,
    locked_at timestamp with time zone not null,
    locked_by varchar(255) not null
);
