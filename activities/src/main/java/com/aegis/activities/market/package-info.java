/** Read models of the market reference data in PostgreSQL (the stock master as of a date). */
package com.aegis.activities.market;
