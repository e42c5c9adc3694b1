package vn.cungem.campaign;

/** One broken rule, named by the form field it concerns, with the message in Vietnamese and English. */
public record CampaignProblem(String field, String messageVi, String messageEn) {}
