-- Agents may reply with up to 50,000 characters (the inbox limit); the transcript must hold them.
alter table webchat_lines alter column body set data type varchar(50000);
