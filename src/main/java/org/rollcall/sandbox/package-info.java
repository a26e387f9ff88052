/**
 * The Ed-Fi sandbox: an ODS/API 7.x-compatible server for Data Standard 5 on real HTTP, used for rehearsal
 * ({@code ./rollcall sandbox}), as the embedded default target and as the test double of the integration tests.
 *
 * <p>Public: {@link org.rollcall.sandbox.EdFiSandbox}, {@link org.rollcall.sandbox.SandboxOptions},
 * {@link org.rollcall.sandbox.RequestCounts}. Everything else is package-private:
 * <ul>
 *   <li>the API model: {@code ApiModel} (resources, natural keys, flat query names, references, load order)
 *       compiled from {@code src/main/resources/edfi/model/ds-5.0-sandbox-model.json}, which
 *       {@code ModelCompiler} derives from the shipped Ed-Fi YAML and descriptor XML (see edfi/NOTICE.md);</li>
 *   <li>the request path: {@code HttpEntry} (the one door, counts every request) &rarr;
 *       {@code SandboxHandler} chain (fault injection goes here) &rarr; {@code Router} &rarr;
 *       {@code DiscoveryEndpoints}, {@code OAuthTokenEndpoint}, {@code DataApi};</li>
 *   <li>the ODS: {@code ResourceStore} in memory, {@code BodyValidator} for 400s, {@code Problem} for error
 *       bodies, {@code H2StorePersistence} (write-behind) when a store folder is given.</li>
 * </ul>
 * Log lines carry methods, resource names, statuses and counts only, never bodies or key values.
 */
package org.rollcall.sandbox;
