package vn.lienthong.axis;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One package waiting for this system, as {@code getReceivedEdocList} lists it. */
public record ReceivedPackage(String docId, String serviceType, String messageType,
                              @JsonProperty("created_time") String createdTime,
                              @JsonProperty("updated_time") String updatedTime,
                              String from, String to, String status,
                              @JsonProperty("status_desc") String statusDesc) {
}
