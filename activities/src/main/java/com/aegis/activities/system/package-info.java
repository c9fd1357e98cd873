/** The infrastructure probes behind the platform's system check. */
package com.aegis.activities.system;
