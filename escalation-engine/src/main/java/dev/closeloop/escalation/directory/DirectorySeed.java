package dev.closeloop.escalation.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The seed file the engine starts from: each tenant's directory, as the admin API exports it, plus
 * the tenant's {@code accounts} (logins with bcrypt hashes, which is why the file is a Secret). The
 * directories seed the database for tenants it does not know yet; the database is the truth after
 * that. All of the file is validated, so that a mistake stops the service at start-up with a message
 * naming the tenant and the field.
 *
 * @param tenants  the directories, in file order
 * @param accounts every login of every tenant
 */
public record DirectorySeed(List<TenantDirectory> tenants, Accounts accounts) {

    /** Bcrypt in modular crypt form with a cost from 4 to 31; $2b$ is not read by Elytron. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[ay]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    public static DirectorySeed load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new DirectoryException(file.toString(), List.of("cannot read the file: " + e));
        }
        return parse(yaml, file.toString());
    }

    /** Parses and validates; {@code source} names the file in messages. */
    public static DirectorySeed parse(String yaml, String source) {
        JsonNode root;
        try {
            root = yaml.isBlank() ? null : DirectoryDocuments.yamlMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new DirectoryException(source, List.of(DirectoryDocuments.describe(e, "YAML")));
        }
        List<String> problems = new ArrayList<>();
        JsonNode tenantNodes = root == null ? null : root.get("tenants");
        if (root != null) {
            root.fieldNames().forEachRemaining(field -> {
                if (!field.equals("tenants")) {
                    problems.add(field + ": unknown field (the file holds tenants)"
                            + DirectoryDocuments.yamlLine(yaml, List.of(field)));
                }
            });
        }
        if (tenantNodes == null || !tenantNodes.isArray() || tenantNodes.isEmpty()) {
            problems.add("tenants: at least one tenant is required");
            throw new DirectoryException(source, problems);
        }
        List<TenantDirectory> tenants = new ArrayList<>();
        List<Accounts.Login> logins = new ArrayList<>();
        Set<String> tenantIds = new HashSet<>();
        Map<String, String> usernames = new HashMap<>();
        for (int t = 0; t < tenantNodes.size(); t++) {
            JsonNode node = tenantNodes.get(t);
            String at = "tenants[" + (node.hasNonNull("id") ? node.get("id").asText() : String.valueOf(t)) + "]";
            if (!node.isObject()) {
                problems.add(at + ": is not a tenant");
                continue;
            }
            ObjectNode tenantNode = ((ObjectNode) node).deepCopy();
            JsonNode accountNodes = tenantNode.remove("accounts");
            TenantDirectory tenant;
            try {
                tenant = DirectoryDocuments.convert(tenantNode, TenantDirectory.class, yaml, List.of("tenants", t));
            } catch (DirectoryDocuments.UnreadableDirectoryException e) {
                problems.add(at + "." + e.getMessage());
                continue;
            }
            if (tenant.id() != null && !tenantIds.add(tenant.id())) {
                problems.add(at + ".id: duplicate tenant id '" + tenant.id() + "'");
            }
            DirectoryValidator.validate(tenant).forEach(v -> problems.add(at + "." + v));
            tenants.add(tenant);
            if (accountNodes != null) {
                for (int a = 0; a < accountNodes.size(); a++) {
                    String accountAt = at + ".accounts[" + a + "]";
                    try {
                        Account account = DirectoryDocuments.convert(accountNodes.get(a), Account.class, yaml,
                                List.of("tenants", t, "accounts", a));
                        if (checkAccount(tenant.id(), account, accountAt, usernames, problems)) {
                            logins.add(new Accounts.Login(tenant.id(), account));
                        }
                    } catch (DirectoryDocuments.UnreadableDirectoryException e) {
                        problems.add(accountAt + "." + e.getMessage());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new DirectoryException(source, problems);
        }
        return new DirectorySeed(List.copyOf(tenants), new Accounts(logins));
    }

    private static boolean checkAccount(String tenant, Account account, String at, Map<String, String> usernames,
            List<String> problems) {
        int before = problems.size();
        if (blank(account.username())) {
            problems.add(at + ".username: is required");
        } else {
            String earlier = usernames.putIfAbsent(Accounts.normalise(account.username()), String.valueOf(tenant));
            if (earlier != null) {
                problems.add(at + ".username: duplicate username '" + account.username() + "'"
                        + (Objects.equals(earlier, tenant) ? "" : " (also an account of tenant " + earlier + ")"));
            }
        }
        if (blank(account.passwordHash())) {
            problems.add(at + ".passwordHash: is required");
        } else if (!isBcrypt(account.passwordHash())) {
            problems.add(at + ".passwordHash: is not a valid bcrypt hash (expected $2a$ or $2y$, a cost of 04-31 "
                    + "and 53 more characters; generate one with BcryptUtil.bcryptHash or htpasswd -nbB)");
        }
        if (blank(account.role())) {
            problems.add(at + ".role: is required (admin or manager)");
        } else if (!Roles.ALL.contains(account.role())) {
            problems.add(at + ".role: unknown role '" + account.role() + "' (admin or manager)");
        }
        return problems.size() == before;
    }

    static boolean isBcrypt(String hash) {
        if (!BCRYPT.matcher(hash).matches()) {
            return false;
        }
        try {
            Password password = ModularCrypt.decode(hash);
            return password instanceof BCryptPassword;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
