/** Spring Boot's extension points for the starter; not an API. */
package dev.plinth.spring.boot.internal;
