-- One row per email the mail server has taken (MailDelivery): its key, never its address, text or links. The unique
-- key is what keeps a retried delivery from sending the same message twice. Rows go after 30 days (MailRetryJob).
create table mail_delivery (
    dedup_key    varchar(200) constraint mail_delivery_pkey primary key,
    delivered_at timestamp with time zone not null
);

create index mail_delivery_by_delivered_at on mail_delivery (delivered_at);
