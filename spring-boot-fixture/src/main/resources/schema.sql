create table ledger_entry (id bigint auto_increment primary key, amount bigint not null);
create table visit (id bigint auto_increment primary key, visitor varchar(100) not null);
