/**
 * Two-step control (issue 18 item 5; NAV's totrinnskontroll, as in familie-ba-sak's "beslutter" step): per decision
 * kind the agency administrator decides whether a second person must approve. A held command is a proposal
 * (PENDING) with what would change, by whom, when and why; another person with the right role approves it (the
 * original command then runs, as the proposer, through its own code and guard, in the approval's transaction) or
 * returns it with a fixed reason and a text (RETURNED; the proposer is notified). The proposer never approves their
 * own proposal. Owns approval_policy, approval and approval_history.
 */
package no.bosetting.approvals;
