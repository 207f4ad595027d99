-- Invite.name: the invitee's name as the admin typed it (becomes User.name on registration)
ALTER TABLE "Invite" ADD COLUMN "name" TEXT;
