package vn.lienthong.simulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated axis most tests use: three systems with different secrets. Two receive for an agency each; the
 * third has no agency and is addressed by its system id.
 */
final class TestAxis {

    static final String MINISTRY_SYSTEM = "vxp.bo.g22";
    static final String MINISTRY = "000.00.00.G22";
    static final String PROVINCE_SYSTEM = "vxp.tinh.h41";
    static final String PROVINCE = "000.00.00.H41";
    static final String SAAS_SYSTEM = "vxp.saas.03";

    static final Map<String, String> SECRETS = Map.of(
            MINISTRY_SYSTEM, "bXluaXN0cnktc2VjcmV0LWZvci10ZXN0cy1vbmx5LTAx",
            PROVINCE_SYSTEM, "cHJvdmluY2Utc2VjcmV0LWZvci10ZXN0cy1vbmx5LTAy",
            SAAS_SYSTEM, "c2Fhcy1zZWNyZXQtZm9yLXRlc3RzLW9ubHktMDMtMDMw");

    private TestAxis() {
    }

    static SimulatorSettings settings(Path storage) {
        Map<String, String> agencies = new LinkedHashMap<>();
        agencies.put(MINISTRY, MINISTRY_SYSTEM);
        agencies.put(PROVINCE, PROVINCE_SYSTEM);
        return SimulatorSettings.local(SECRETS, agencies, storage);
    }

    static SdkLikeClient client(AxisSimulator simulator, String systemId) {
        return new SdkLikeClient(simulator.endpoint(), systemId, SECRETS.get(systemId));
    }
}
