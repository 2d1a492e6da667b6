package dev.closeloop.escalation.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the directory YAML and validates all of it, so that a mistake stops the service at start-up
 * with a message naming the tenant and the field, rather than surfacing as a lost alert later.
 * Unknown keys are refused too: a misspelt {@code emial} must not silently leave a manager out.
 */
public final class DirectoryLoader {

    /** What the file holds at the top level. */
    record DirectoryFile(List<Tenant> tenants) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Bcrypt in modular crypt form with a cost from 4 to 31; $2b$ is not read by Elytron. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[ay]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private DirectoryLoader() {
    }

    public static Directory load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new DirectoryException(file.toString(), List.of("cannot read the file: " + e));
        }
        return parse(yaml, file.toString());
    }

    /** Parses and validates; {@code source} names the file in messages. */
    public static Directory parse(String yaml, String source) {
        DirectoryFile file;
        try {
            file = yaml.isBlank() ? null : YAML.readValue(yaml, DirectoryFile.class);
        } catch (JsonProcessingException e) {
            throw new DirectoryException(source, List.of(describe(e)));
        }
        List<String> problems = new ArrayList<>();
        List<Tenant> tenants = file == null || file.tenants() == null ? List.of() : file.tenants();
        if (tenants.isEmpty()) {
            problems.add("tenants: at least one tenant is required");
        }
        Set<String> tenantIds = new HashSet<>();
        Map<String, String> usernames = new HashMap<>();
        for (int t = 0; t < tenants.size(); t++) {
            Tenant tenant = tenants.get(t);
            String at = "tenants[" + t + "]" + (tenant != null && tenant.id() != null ? " (" + tenant.id() + ")" : "");
            if (tenant == null) {
                problems.add(at + ": is empty");
                continue;
            }
            if (blank(tenant.id())) {
                problems.add(at + ".id: is required");
            } else if (!TENANT_ID.matcher(tenant.id()).matches()) {
                problems.add(at + ".id: must be lower-case letters, digits and '-' (at most 100)");
            } else if (!tenantIds.add(tenant.id())) {
                problems.add(at + ".id: duplicate tenant id '" + tenant.id() + "'");
            }
            if (blank(tenant.name())) {
                problems.add(at + ".name: is required");
            }
            new TenantCheck(at, problems).check(tenant);
            for (int a = 0; a < tenant.accounts().size(); a++) {
                checkAccount(tenant, tenant.accounts().get(a), at + ".accounts[" + a + "]", usernames, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new DirectoryException(source, problems);
        }
        return new Directory(tenants);
    }

    /** Validates the contacts of one tenant, remembering every contact id to catch two people under one id. */
    private static final class TenantCheck {
        private final String at;
        private final List<String> problems;
        private final Map<String, Contact> contactsById = new HashMap<>();

        TenantCheck(String at, List<String> problems) {
            this.at = at;
            this.problems = problems;
        }

        void check(Tenant tenant) {
            if (tenant.fallbackContact() == null) {
                problems.add(at + ".fallbackContact: is required (it hears of escalations of unknown teams)");
            } else {
                contact(tenant.fallbackContact(), at + ".fallbackContact");
            }
            contacts(tenant.salesContacts(), at + ".salesContacts");
            Set<String> teamIds = new HashSet<>();
            for (int i = 0; i < tenant.teams().size(); i++) {
                Team team = tenant.teams().get(i);
                String teamAt = at + ".teams[" + i + "]" + (team != null && team.id() != null ? " (" + team.id() + ")" : "");
                if (team == null) {
                    problems.add(teamAt + ": is empty");
                    continue;
                }
                if (blank(team.id())) {
                    problems.add(teamAt + ".id: is required");
                } else if (!teamIds.add(team.id())) {
                    problems.add(teamAt + ".id: duplicate team id '" + team.id() + "'");
                }
                if (team.managers().isEmpty()) {
                    problems.add(teamAt + ".managers: at least one manager is required");
                }
                contacts(team.managers(), teamAt + ".managers");
            }
        }

        private void contacts(List<Contact> contacts, String listAt) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < contacts.size(); i++) {
                Contact contact = contacts.get(i);
                String contactAt = listAt + "[" + i + "]";
                if (contact != null && contact.id() != null && !ids.add(contact.id())) {
                    problems.add(contactAt + ".id: duplicate id '" + contact.id() + "' in the same list");
                }
                contact(contact, contactAt);
            }
        }

        private void contact(Contact contact, String contactAt) {
            if (contact == null) {
                problems.add(contactAt + ": is empty");
                return;
            }
            if (contact.id() != null) {
                contactAt = contactAt + " (" + contact.id() + ")";
            }
            if (blank(contact.id())) {
                problems.add(contactAt + ".id: is required");
            } else {
                Contact earlier = contactsById.putIfAbsent(contact.id(), contact);
                if (earlier != null && !earlier.equals(contact)) {
                    problems.add(contactAt + ".id: '" + contact.id()
                            + "' already names a different person (name, email or timeZone differ)");
                }
            }
            if (blank(contact.name())) {
                problems.add(contactAt + ".name: is required");
            }
            if (blank(contact.email())) {
                problems.add(contactAt + ".email: is required");
            } else if (!EMAIL.matcher(contact.email()).matches()) {
                problems.add(contactAt + ".email: '" + contact.email() + "' is not an email address");
            }
            if (blank(contact.timeZone())) {
                problems.add(contactAt + ".timeZone: is required (an IANA zone such as Europe/London)");
            } else if (!ZoneId.getAvailableZoneIds().contains(contact.timeZone())) {
                problems.add(contactAt + ".timeZone: unknown time zone '" + contact.timeZone()
                        + "' (expected an IANA zone such as Europe/London)");
            }
        }
    }

    private static void checkAccount(Tenant tenant, Account account, String at, Map<String, String> usernames,
            List<String> problems) {
        if (account == null) {
            problems.add(at + ": is empty");
            return;
        }
        if (blank(account.username())) {
            problems.add(at + ".username: is required");
        } else {
            String earlier = usernames.putIfAbsent(Directory.normalise(account.username()), tenant.id());
            if (earlier != null) {
                problems.add(at + ".username: duplicate username '" + account.username() + "'"
                        + (Objects.equals(earlier, tenant.id()) ? "" : " (also an account of tenant " + earlier + ")"));
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

    private static String describe(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            String what = e instanceof UnrecognizedPropertyException ? "unknown field" : "has an unreadable value";
            return path + ": " + what + line;
        }
        return "not valid YAML" + line + ": " + e.getOriginalMessage();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
