package vn.lienthong.simulator;

/**
 * An agency registered on the simulated axis, as getAgenciesList shows it, and the system whose mailbox receives
 * what is addressed to it.
 *
 * @param code    the agency's OrganId, the address documents use
 * @param code102 the identifier under QCVN 102 (the same OrganId unless registered otherwise)
 */
record Agency(long id, long pid, String code, String code102, String name, String mail, String systemId) {
}
