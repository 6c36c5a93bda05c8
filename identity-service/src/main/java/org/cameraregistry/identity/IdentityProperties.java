package org.cameraregistry.identity;

import java.net.URI;
import java.time.Duration;
import org.cameraregistry.outbox.OutboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything identity-service lets an operator tune, under {@code identity.*}, with its default. The
 * issuer is Spring's {@code spring.security.oauth2.authorizationserver.issuer}.
 *
 * @param audience      the {@code aud} of every access token: the platform's API, which every service checks
 * @param publicBaseUrl where people reach identity-service's pages (the issuer's address); the links
 *                      in account emails start with it
 * @param portalUrl     the owners' portal (the gateway's pages), where people go to sign in and sign up
 * @param tokens        how long tokens live
 * @param links         how long one-time links in emails work
 * @param throttling    how failed sign-ins slow down further attempts
 * @param signingKeys   the keys tokens are signed with
 * @param clients       the platform's own clients
 * @param outbox        how account events are relayed to Kafka
 * @param passwords     how new passwords are judged
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("camera-registry") String audience,
        @DefaultValue("http://localhost:8086") URI publicBaseUrl,
        @DefaultValue("http://localhost:8080/") URI portalUrl,
        @DefaultValue Tokens tokens,
        @DefaultValue Links links,
        @DefaultValue Throttling throttling,
        @DefaultValue SigningKeys signingKeys,
        @DefaultValue Clients clients,
        @DefaultValue OutboxSettings outbox,
        @DefaultValue Passwords passwords) {

    /** @param breached the check against a corpus of breached passwords */
    public record Passwords(@DefaultValue BreachedPasswords breached) {
    }

    /**
     * A range API of the Pwned Passwords kind, asked with the first five hex digits of a new
     * password's SHA-1 only (k-anonymity). Without an answer in {@code timeout}, or while its
     * circuit breaker is open after repeated failures, passwords are judged without it.
     *
     * @param enabled           whether new passwords are checked at all
     * @param rangeApi          the API's address; {@code /range/<prefix>} is appended
     * @param timeout           how long to wait to connect, and then for the answer
     * @param restAfterFailures how long the API is left alone once it kept failing
     */
    public record BreachedPasswords(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("https://api.pwnedpasswords.com") URI rangeApi,
            @DefaultValue("PT2S") Duration timeout,
            @DefaultValue("PT1M") Duration restAfterFailures) {
    }

    /**
     * @param failuresPerAccount       failed sign-ins to one address allowed before it is blocked
     * @param failuresPerClientAddress failed sign-ins from one client address allowed before it is blocked
     * @param firstBlock               the first block; each further failure doubles it
     * @param longestBlock             the longest block
     * @param window                   how long after the last failure the count is forgotten
     */
    public record Throttling(
            @DefaultValue("5") int failuresPerAccount,
            @DefaultValue("50") int failuresPerClientAddress,
            @DefaultValue("PT30S") Duration firstBlock,
            @DefaultValue("PT15M") Duration longestBlock,
            @DefaultValue("PT1H") Duration window) {
    }

    /**
     * @param verification how long an address verification link works
     * @param passwordReset how long a password reset link works
     * @param invitation   how long a new staff member's link to choose a password works
     * @param emailChange  how long a link confirming a new address works
     */
    public record Links(
            @DefaultValue("P1D") Duration verification,
            @DefaultValue("PT1H") Duration passwordReset,
            @DefaultValue("P7D") Duration invitation,
            @DefaultValue("P1D") Duration emailChange) {
    }

    /**
     * @param accessTokenTimeToLive how long an access token works; short, since a service cannot
     *                              revoke one it has already checked
     * @param refreshTokenTimeToLive how long a confidential client may renew without a new sign-in
     */
    public record Tokens(
            @DefaultValue("PT5M") Duration accessTokenTimeToLive,
            @DefaultValue("PT8H") Duration refreshTokenTimeToLive) {
    }

    /**
     * A new key is published in the JWKS {@code publishBeforeUse} before it signs anything, so that
     * every instance and every service's cache has it first; a key stays published for
     * {@code retainAfterSuccessor} after the next one took over, so the tokens it signed outlive it.
     *
     * @param rotateAfter          the age at which the signing key is replaced
     * @param publishBeforeUse     how long a new key is only published
     * @param retainAfterSuccessor how long a replaced key stays published; longer than any token it signed lives
     * @param checkEvery           how often the keys are re-read and rotation is considered
     * @param encryptionPassword   the secret the private keys are encrypted with in MongoDB; without one
     *                             they are stored unencrypted, with a warning
     */
    public record SigningKeys(
            @DefaultValue("P30D") Duration rotateAfter,
            @DefaultValue("PT2M") Duration publishBeforeUse,
            @DefaultValue("PT1H") Duration retainAfterSuccessor,
            @DefaultValue("PT30S") Duration checkEvery,
            String encryptionPassword) {
    }

    /**
     * @param cli     the public command-line client
     * @param gateway the gateway, the browser's backend
     */
    public record Clients(@DefaultValue Cli cli, @DefaultValue Gateway gateway) {
    }

    /**
     * A public client for scripts and tests: authorization code with PKCE, redirected to a loopback
     * address on any port (RFC 8252), no consent screen since it is the platform's own.
     *
     * @param clientId    its id
     * @param redirectUri its redirect, on 127.0.0.1; the port is the one the script listens on
     */
    public record Cli(
            @DefaultValue("camera-cli") String clientId,
            @DefaultValue("http://127.0.0.1/callback") URI redirectUri) {
    }

    /**
     * A confidential client: the gateway signs browsers in and keeps their tokens in its session.
     *
     * @param clientId              its id
     * @param secret                its secret; without one the gateway is not a client
     * @param redirectUri           where the gateway receives the authorization code
     * @param postLogoutRedirectUri where a browser goes after signing out
     */
    public record Gateway(
            @DefaultValue("gateway") String clientId,
            String secret,
            @DefaultValue("http://localhost:8080/login/oauth2/code/camera-registry") URI redirectUri,
            @DefaultValue("http://localhost:8080/") URI postLogoutRedirectUri) {
    }
}
