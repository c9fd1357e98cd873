/** The platform's end-to-end check: one workflow, one probe per infrastructure component. */
package com.aegis.workflows.system;
