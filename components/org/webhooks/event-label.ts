/** The message key (under "webhooks.events") naming an event: message keys cannot hold dots. */
export const eventKey = (event: string) => event.replace(".", "_");
