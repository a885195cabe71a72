package dev.faultline.safety.plan;

/** The revision of a plan approved in review, with the person who proposed the experiment (null if unknown). */
public record ApprovedPlan(Plan plan, String proposer) {
}
