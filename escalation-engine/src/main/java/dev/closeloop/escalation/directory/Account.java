package dev.closeloop.escalation.directory;

/**
 * A login to the escalation API. Usernames are unique across all tenants, because HTTP Basic
 * carries no tenant: the account decides it.
 *
 * @param passwordHash bcrypt in modular crypt form ({@code $2a$10$...})
 * @param role         {@link Roles#ADMIN} or {@link Roles#MANAGER}
 */
public record Account(String username, String passwordHash, String role) {

    @Override
    public String toString() {
        return "Account[username=" + username + ", role=" + role + "]";
    }
}
