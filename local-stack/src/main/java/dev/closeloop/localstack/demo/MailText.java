package dev.closeloop.localstack.demo;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Which surveys an alert email is about: the ids it names anywhere, headers, subject or text parts. */
public final class MailText {

    private MailText() {
    }

    /** The survey ids ({@code surveyIds} matches one) the message names. */
    public static Set<String> surveyIdsIn(Message message, Pattern surveyIds) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        for (var headers = message.getAllHeaders(); headers.hasMoreElements();) {
            Header header = headers.nextElement();
            text.append(header.getValue()).append('\n');
        }
        text.append(message.getSubject()).append('\n');
        appendText(message, text);
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = surveyIds.matcher(text);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    private static void appendText(Part part, StringBuilder text) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                appendText(multipart.getBodyPart(i), text);
            }
        }
    }
}
