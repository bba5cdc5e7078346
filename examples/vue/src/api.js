// Your own backend adapter: any object with the AccountApi methods the elements use.
let profile = {
  id: 'u_1', displayName: 'Ada Lovelace', email: 'ada@example.com', phone: null,
  timezone: 'Europe/London', language: 'en', company: null, bio: null,
  avatarUrl: null, role: 'owner', updatedAt: new Date().toISOString(),
};

export const myApi = {
  getProfile: async () => profile,
  updateProfile: async (update) => (profile = { ...profile, ...update, updatedAt: new Date().toISOString() }),
};
