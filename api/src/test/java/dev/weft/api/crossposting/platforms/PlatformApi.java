package dev.weft.api.crossposting.platforms;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * A platform's API as its fake serves it. Both answers come from the API because only it
 * knows the platform's error shape: a planned failure must read like one the platform sends.
 */
interface PlatformApi {

    ResponseDefinition answer(Request request);

    /** What the platform answers for a failure a test planned, the request left undone. */
    ResponseDefinition refusal(Failure failure);
}
