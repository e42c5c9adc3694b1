-- 001: "Giai đoạn 3: sau khi dịch Covid-19 được kiểm soát" has no date yet; a last phase may wait to be scheduled.
alter table campaign_phase alter column starts_on drop not null;
create index campaign_status_ix on campaign (status);
create index campaign_folded_ix on campaign (name_folded);
create index campaign_phase_campaign_ix on campaign_phase (campaign_id);
create index campaign_milestone_campaign_ix on campaign_milestone (campaign_id);
create index campaign_requirement_campaign_ix on campaign_device_requirement (campaign_id);
