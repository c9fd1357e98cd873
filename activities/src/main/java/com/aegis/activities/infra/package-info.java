/** The ports through which activities reach shared infrastructure clients (Kafka), wired by the application. */
package com.aegis.activities.infra;
